// Uploaded files are checked by what they contain, never by the type or name the sender claims. Images are
// decoded in full and encoded again, so nothing but pixels survives (no metadata with a location, no HTML or
// script appended after the image data); documents must have the structure of their type.
import sharp from 'sharp';
import { DomainError } from './errors.ts';

export type ImageType = 'image/jpeg' | 'image/png';

const PDF = 'application/pdf';
/** Office Open XML documents: a ZIP package holding `[Content_Types].xml` and the part folder of its kind. */
const OFFICE_PARTS: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word/',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'ppt/',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xl/',
};

/** Images larger than this many pixels are refused before decoding (a small file can claim a huge image). */
const MAX_IMAGE_PIXELS = 60_000_000;

/** The type of an image from its first bytes; undefined when it is neither JPEG nor PNG. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return undefined;
}

/**
 * Decodes a JPEG or PNG in full and encodes it again in the same format: turned upright as its EXIF says,
 * with no metadata. Refuses anything else (unsupported_media_type) and anything that does not decode
 * (validation_failed), such as a truncated file or a header without an image.
 */
export async function reencodeImage(bytes: Uint8Array): Promise<{ contentType: ImageType; bytes: Buffer }> {
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new DomainError('unsupported_media_type', 'Gambar harus JPEG atau PNG');
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
    const out =
      contentType === 'image/jpeg'
        ? await image.jpeg({ quality: 85 }).toBuffer()
        : await image.png({ compressionLevel: 9 }).toBuffer();
    return { contentType, bytes: out };
  } catch {
    throw new DomainError('validation_failed', 'Berkas gambar rusak atau bukan gambar');
  }
}

function startsWith(bytes: Uint8Array, text: string, at = 0): boolean {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** A PDF: the `%PDF-` header first, an `%%EOF` marker in its last kilobyte, and objects in between. */
export function isPdf(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, '%PDF-1.') && !startsWith(bytes, '%PDF-2.')) return false;
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  if (!/%%EOF\s*$/.test(tail)) return false;
  return Buffer.from(bytes).includes(' obj');
}

/** The names of the entries of a ZIP file, from its central directory; undefined when it is not one. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  if (!startsWith(bytes, 'PK\x03\x04')) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > end) return undefined;
    names.push(Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** An Office Open XML document of the given type (DOCX, PPTX, XLSX). */
export function isOfficeDocument(bytes: Uint8Array, contentType: string): boolean {
  const folder = OFFICE_PARTS[contentType];
  const names = folder ? zipEntryNames(bytes) : undefined;
  if (!names) return false;
  return names.includes('[Content_Types].xml') && names.some((name) => name.startsWith(folder));
}

/**
 * Checks a document against the type it is sent as, by its content: a PDF's structure, an office package's
 * entries, an image decoded and re-encoded (the bytes to store). Anything else — HTML sent as a PDF, a renamed
 * file — is refused with unsupported_media_type.
 */
export async function checkDocument(
  bytes: Uint8Array,
  contentType: string,
): Promise<{ contentType: string; bytes: Buffer }> {
  if (contentType === 'image/jpeg' || contentType === 'image/png') {
    const image = await reencodeImage(bytes);
    if (image.contentType !== contentType) {
      throw new DomainError('unsupported_media_type', `Isi berkas bukan ${contentType}`);
    }
    return image;
  }
  const matches = contentType === PDF ? isPdf(bytes) : isOfficeDocument(bytes, contentType);
  if (!matches) {
    throw new DomainError(
      'unsupported_media_type',
      'Isi berkas tidak sesuai jenisnya (PDF, DOCX, PPTX, XLSX, JPEG atau PNG)',
    );
  }
  return { contentType, bytes: Buffer.from(bytes) };
}
