// A perceptual hash of a screenshot: two screenshots of one image (re-compressed, resized, a status bar
// cropped a little differently) have hashes a few bits apart. The difference hash (dHash): the image shrunk to
// 9×8 grey pixels, one bit per pair of neighbours in a row, set when the left one is brighter.
import sharp from 'sharp';

/** The 64-bit difference hash of an image as 16 hex digits. */
export async function differenceHash(bytes: Uint8Array): Promise<string> {
  const pixels = await sharp(bytes)
    .rotate()
    .greyscale()
    .resize(9, 8, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  let hex = '';
  for (let row = 0; row < 8; row++) {
    let byte = 0;
    for (let col = 0; col < 8; col++) {
      const left = pixels[row * 9 + col] as number;
      const right = pixels[row * 9 + col + 1] as number;
      byte = (byte << 1) | (left > right ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}
