import { describe, expect, it } from 'vitest';
import { normaliseLink, platformOfLink } from './links.ts';

describe('link normalisation', () => {
  it.each([
    // scheme and host case, www, default port, fragment, trailing slash
    ['HTTP://WWW.Facebook.com/groups/123/posts/456/', 'https://facebook.com/groups/123/posts/456'],
    ['facebook.com/groups/123/posts/456#comments', 'https://facebook.com/groups/123/posts/456'],
    [
      'https://facebook.com:443/story.php?story_fbid=9&id=7',
      'https://facebook.com/story.php?id=7&story_fbid=9',
    ],
    // mobile and light hosts
    [
      'https://m.facebook.com/story.php?story_fbid=9&id=7&mibextid=abc',
      'https://facebook.com/story.php?id=7&story_fbid=9',
    ],
    ['https://mbasic.facebook.com/groups/123/posts/456', 'https://facebook.com/groups/123/posts/456'],
    ['https://web.facebook.com/groups/123/posts/456?_rdr', 'https://facebook.com/groups/123/posts/456'],
    ['https://fb.com/groups/123/posts/456', 'https://facebook.com/groups/123/posts/456'],
    // YouTube: short host, shorts, mobile, share parameters
    ['https://youtu.be/dQw4w9WgXcQ?si=AbCdEf', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ?feature=share', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://youtube.com/watch?v=dQw4w9WgXcQ&t=42&utm_source=wa', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    // X and Twitter
    [
      'https://twitter.com/akun/status/1700000000000000000?s=20&t=Xyz',
      'https://x.com/akun/status/1700000000000000000',
    ],
    [
      'https://mobile.twitter.com/akun/status/1700000000000000000',
      'https://x.com/akun/status/1700000000000000000',
    ],
    [
      'https://X.com/akun/status/1700000000000000000?ref_src=twsrc',
      'https://x.com/akun/status/1700000000000000000',
    ],
    // Instagram and TikTok
    ['https://www.instagram.com/p/CxYz123/?igshid=MzRlODBiNWFlZA==', 'https://instagram.com/p/CxYz123'],
    ['https://instagr.am/p/CxYz123/?igsh=abc', 'https://instagram.com/p/CxYz123'],
    [
      'https://www.tiktok.com/@akun/video/7300000000000000000?is_from_webapp=1&sender_device=pc&_t=8h&_r=1',
      'https://tiktok.com/@akun/video/7300000000000000000',
    ],
    ['https://m.tiktok.com/v/7300000000000000000.html', 'https://tiktok.com/v/7300000000000000000.html'],
    // short links whose target needs the network stay, normalised
    ['https://VM.tiktok.com/ZSabc123/', 'https://vm.tiktok.com/ZSabc123'],
    ['bit.ly/3abcDEF?utm_campaign=x', 'https://bit.ly/3abcDEF'],
    // the rest of the query is kept and sorted; repeated pairs once
    [
      'https://berita.example.id/artikel?b=2&a=1&a=1&utm_medium=social&fbclid=IwAR0',
      'https://berita.example.id/artikel?a=1&b=2',
    ],
    ['https://berita.example.id/', 'https://berita.example.id'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseLink(input)).toBe(expected);
  });

  it('refuses what is not a web link', () => {
    for (const bad of [
      '',
      '   ',
      'javascript:alert(1)',
      'mailto:a@b.id',
      'ftp://x.id/a',
      'halo',
      'https://',
    ]) {
      expect(normaliseLink(bad)).toBeUndefined();
    }
  });

  it('names the platform from the normalised host', () => {
    expect(platformOfLink('https://facebook.com/groups/1')).toBe('facebook');
    expect(platformOfLink('https://vm.tiktok.com/ZS1')).toBe('tiktok');
    expect(platformOfLink('https://berita.example.id/a')).toBeUndefined();
  });
});
