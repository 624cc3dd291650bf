import path from 'node:path';
import { wibDate } from '../shared/time.ts';
import type { CliOutput, ExitCode } from './cli-commands.ts';
import { createTlsFiles, TLS_FILES } from './local-ca.ts';
import type { TlsHost } from './tls-hosts.ts';

/** `tls create`: the addresses the phones and PCs use, and the folder for the files (default ./tls). */
export type TlsCreateArgs = { hosts: readonly TlsHost[]; out: string };

function hostUrl(host: TlsHost): string {
  return host.kind === 'ip' && host.value.includes(':')
    ? `https://[${host.value}]:8443`
    : `https://${host.value}:8443`;
}

/**
 * `tls create`: a local certificate authority (reused when the folder already holds one) and a server certificate
 * for the given addresses; prints how to install the authority on an Android phone and a Windows PC, and how to
 * start Sigap with it. Indonesian first, then English, as every command.
 */
export async function tlsCreateCommand(args: TlsCreateArgs, output: CliOutput): Promise<ExitCode> {
  const folder = path.resolve(args.out);
  const made = await createTlsFiles(folder, args.hosts);
  const names = made.hosts.map((host) => host.value).join(', ');
  const until = wibDate(made.serverNotAfter);
  const ca = made.caCertFile;
  const url = hostUrl(made.hosts[0]);
  output.out(
    [
      made.isNewAuthority
        ? `Otoritas sertifikat baru / new certificate authority: ${ca}`
        : `Otoritas sertifikat yang ada dipakai lagi (perangkat tidak perlu memasangnya lagi) / existing authority reused (devices need not install it again): ${ca}`,
      `Sertifikat server / server certificate: ${made.certFile}  (${names}; berlaku s.d. / valid until ${until})`,
      `Kunci server / server key: ${made.keyFile}`,
      `Sidik jari otoritas (SHA-256) / authority fingerprint: ${made.caFingerprint}`,
      '',
      '1. Jalankan Sigap dengan HTTPS:',
      `   TLS_CERT_FILE=${made.certFile} TLS_KEY_FILE=${made.keyFile} PORT=8443 HTTP_REDIRECT_PORT=8080 npm start`,
      '   (HTTP_REDIRECT_PORT boleh dihapus: port itu hanya mengarahkan http:// ke https://.)',
      `2. Pasang otoritas ${TLS_FILES.caCert} SEKALI di tiap perangkat (bukan ${TLS_FILES.caKey}!):`,
      `   Android: salin ${TLS_FILES.caCert} ke ponsel (kabel USB, Bluetooth atau unduh) → Setelan → Keamanan`,
      '     (& privasi) → Setelan keamanan lainnya / Enkripsi & kredensial → Instal sertifikat → Sertifikat CA',
      `     → Tetap instal → pilih ${TLS_FILES.caCert}. Nama menu berbeda per merek; cari "sertifikat CA".`,
      `   Windows: klik dua kali ${TLS_FILES.caCert} → Instal Sertifikat → Local Machine → "Tempatkan semua`,
      '     sertifikat di penyimpanan berikut" → Trusted Root Certification Authorities → Selesai; lalu tutup dan',
      `     buka lagi browser. Atau sebagai administrator: certutil -addstore -f Root ${TLS_FILES.caCert}`,
      '   Bandingkan sidik jari di atas dengan yang ditampilkan perangkat sebelum memasang.',
      `3. Buka ${url} di ponsel: gembok tanpa peringatan, aplikasi lapangan bisa dipasang dan bekerja luring.`,
      `4. Simpan ${TLS_FILES.caKey} di tempat aman (mis. bersama cadangan, bukan di folder bersama): siapa pun`,
      '   yang memegangnya bisa membuat sertifikat untuk alamat-alamat ini. Otoritas ini hanya berlaku untuk',
      `   alamat di atas. Sebelum ${until}, jalankan perintah yang sama lagi dengan folder yang sama.`,
      '',
      '—',
      '',
      '1. Start Sigap over HTTPS:',
      `   TLS_CERT_FILE=${made.certFile} TLS_KEY_FILE=${made.keyFile} PORT=8443 HTTP_REDIRECT_PORT=8080 npm start`,
      '   (HTTP_REDIRECT_PORT may be left out: that port only redirects http:// to https://.)',
      `2. Install the authority ${TLS_FILES.caCert} ONCE on each device (never ${TLS_FILES.caKey}!):`,
      `   Android: copy ${TLS_FILES.caCert} to the phone (USB cable, Bluetooth or a download) → Settings →`,
      '     Security (& privacy) → More security settings / Encryption & credentials → Install a certificate →',
      `     CA certificate → Install anyway → pick ${TLS_FILES.caCert}. Menu names differ per brand.`,
      `   Windows: double-click ${TLS_FILES.caCert} → Install Certificate → Local Machine → "Place all`,
      '     certificates in the following store" → Trusted Root Certification Authorities → Finish; then close',
      `     and reopen the browser. Or as administrator: certutil -addstore -f Root ${TLS_FILES.caCert}`,
      '   Compare the fingerprint above with the one the device shows before installing.',
      `3. Open ${url} on the phone: a padlock without warnings; the field app installs and works offline.`,
      `4. Keep ${TLS_FILES.caKey} somewhere safe (e.g. with the backups, not on a shared folder): whoever holds it`,
      '   can make certificates for these addresses. This authority is valid only for the addresses above.',
      `   Before ${until}, run the same command again with the same folder.`,
    ].join('\n'),
  );
  return 0;
}
