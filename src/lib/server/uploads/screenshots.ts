import sharp, { type SharpOptions } from 'sharp';
import { isValidRedactionList, pixelate, type Redaction } from './redact';

export type { Redaction } from './redact';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
// Beyond this an upload is a huge photo or a decompression bomb; either way we refuse to decode it.
const MAX_INPUT_PIXELS = 40_000_000;
const MAX_SIDE = 1600;
const MIN_SIDE = 16;
const MAX_REDACTIONS = 20;

export type ScreenshotErrorKey =
	'upload.too_big' | 'upload.not_an_image' | 'upload.too_small' | 'upload.bad_redaction';

/** `key` is an i18n key: the UI shows the translated message. */
export class ScreenshotError extends Error {
	constructor(readonly key: ScreenshotErrorKey) {
		super(key);
		this.name = 'ScreenshotError';
	}
}

export type PreparedScreenshot = {
	bytes: Buffer;
	width: number;
	height: number;
	contentType: 'image/webp';
};

type Format = 'png' | 'jpeg' | 'webp';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Trust the bytes, not the file name or the browser's MIME type. */
function sniff(b: Uint8Array): Format | null {
	if (b.length >= 8 && PNG_SIGNATURE.every((v, i) => b[i] === v)) return 'png';
	if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
	const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
	if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	return null;
}

/**
 * Turns an untrusted upload into a small, metadata-free WebP with the redacted areas pixelated.
 * Original pixels of redacted areas never leave this function.
 */
export async function prepareScreenshot(
	input: Uint8Array,
	redactions: Redaction[] = []
): Promise<PreparedScreenshot> {
	if (input.byteLength > MAX_UPLOAD_BYTES) throw new ScreenshotError('upload.too_big');
	if (!isValidRedactionList(redactions, MAX_REDACTIONS)) {
		throw new ScreenshotError('upload.bad_redaction');
	}
	const format = sniff(input);
	if (!format) throw new ScreenshotError('upload.not_an_image');

	// Header only, no pixels decoded: lets a bomb be reported as too big rather than broken.
	const meta = await sharp(input, { limitInputPixels: false })
		.metadata()
		.catch(() => null);
	if (!meta || meta.format !== format) throw new ScreenshotError('upload.not_an_image');
	const { width, height } = meta.autoOrient;
	if (!width || !height) throw new ScreenshotError('upload.not_an_image');
	if (width * height > MAX_INPUT_PIXELS) throw new ScreenshotError('upload.too_big');
	if (width < MIN_SIDE || height < MIN_SIDE) throw new ScreenshotError('upload.too_small');

	try {
		return await encode(input, redactions);
	} catch {
		// Header looked fine but the pixel data is broken or lies about its size.
		throw new ScreenshotError('upload.not_an_image');
	}
}

async function encode(input: Uint8Array, redactions: Redaction[]): Promise<PreparedScreenshot> {
	const options: SharpOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' };
	// Redacting after the resize keeps the raw buffer small; fractions make that order-free.
	// Sharp converts to sRGB and drops metadata by default; the raw round trip below also carries
	// none, so EXIF/GPS/XMP cannot reach the output even if someone adds keepMetadata() later.
	const { data, info } = await sharp(input, options)
		.timeout({ seconds: 30 })
		.autoOrient()
		.resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
		.raw({ depth: 'uchar' })
		.toBuffer({ resolveWithObject: true });
	const image = { data, width: info.width, height: info.height, channels: info.channels };
	for (const r of redactions) await pixelate(image, r);

	const bytes = await sharp(data, {
		raw: { width: info.width, height: info.height, channels: info.channels }
	})
		// effort 4 keeps encoding fast on a 2-core server; quality 78 keeps UI text crisp.
		.webp({ quality: 78, effort: 4 })
		.toBuffer();
	return { bytes, width: info.width, height: info.height, contentType: 'image/webp' };
}
