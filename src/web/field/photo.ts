// Photos are made small on the phone before they are stored or sent: at most 1280 px on the long side, JPEG at
// quality 0.7 (a few hundred KB instead of several MB on a weak line). Drawing onto a canvas also leaves the
// camera's EXIF block — with its GPS position — behind; the server strips metadata again anyway.

const MAX_SIDE = 1280;
const QUALITY = 0.7;

/** A picture ready to draw, from the file the camera or gallery gave. */
async function decode(
  file: Blob,
): Promise<{ image: CanvasImageSource; width: number; height: number; done(): void }> {
  if (typeof createImageBitmap === 'function') {
    // 'from-image' applies the EXIF rotation, so portrait photos stay upright once EXIF is gone.
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { image: bitmap, width: bitmap.width, height: bitmap.height, done: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  const image = new Image();
  image.src = url;
  await image.decode();
  return {
    image,
    width: image.naturalWidth,
    height: image.naturalHeight,
    done: () => URL.revokeObjectURL(url),
  };
}

/** The photo as a JPEG of at most 1280 px on its long side; throws when the file is not a readable image. */
export async function downscalePhoto(file: Blob): Promise<Blob> {
  const picture = await decode(file);
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(picture.width, picture.height));
    const width = Math.max(1, Math.round(picture.width * scale));
    const height = Math.max(1, Math.round(picture.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas 2d unavailable');
    context.fillStyle = '#ffffff'; // transparent PNGs become white, not black
    context.fillRect(0, 0, width, height);
    context.drawImage(picture.image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))),
        'image/jpeg',
        QUALITY,
      ),
    );
  } finally {
    picture.done();
  }
}
