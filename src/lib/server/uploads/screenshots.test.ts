import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, prepareScreenshot, ScreenshotError } from './screenshots';
import { fileStore } from './storage';
import { checkeredPng, gpsTags, pngBomb, screenshotLikePng } from './test-images';

async function refusal(input: Uint8Array, redactions?: Parameters<typeof prepareScreenshot>[1]) {
	const error = await prepareScreenshot(input, redactions).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(ScreenshotError);
	return (error as ScreenshotError).key;
}

const solid = (width: number, height: number) =>
	sharp({ create: { width, height, channels: 3, background: '#3b82f6' } });

describe('prepareScreenshot: privacy', () => {
	it('stores a phone photo without its EXIF, GPS position or camera name', async () => {
		const photo = await solid(320, 240)
			.jpeg()
			.withExif({
				IFD0: { Make: 'SecretCam', Model: 'Pocket 9' },
				IFD3: {
					GPSLatitudeRef: 'N',
					GPSLatitude: '51/1 30/1 2400/100',
					GPSLongitudeRef: 'W',
					GPSLongitude: '0/1 7/1 3900/100'
				}
			})
			.toBuffer();
		// The input must really carry a location, or this test could never fail.
		const before = await sharp(photo).metadata();
		expect(gpsTags(before.exif!)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
		expect(photo.includes('SecretCam')).toBe(true);

		const dir = await mkdtemp(join(tmpdir(), 'shots-'));
		try {
			const id = randomUUID();
			await fileStore(dir).put(id, (await prepareScreenshot(photo)).bytes);
			const stored = await readFile(join(dir, `${id}.webp`));
			const after = await sharp(stored).metadata();
			expect(after.format).toBe('webp');
			expect(after.exif).toBeUndefined();
			expect(after.xmp).toBeUndefined();
			for (const marker of ['Exif', 'EXIF', 'GPS', 'XMP', 'SecretCam', 'Pocket 9']) {
				expect(stored.includes(marker), marker).toBe(false);
			}
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('turns a sideways phone photo upright using its EXIF orientation', async () => {
		const sideways = await solid(64, 32).jpeg().withMetadata({ orientation: 6 }).toBuffer();
		const out = await prepareScreenshot(sideways);
		expect([out.width, out.height]).toEqual([32, 64]);
		expect((await sharp(out.bytes).metadata()).orientation).toBeUndefined();
	});

	it('pixelates a redacted rectangle and leaves the rest of the picture alone', async () => {
		const secret = { left: 100, top: 100, right: 300, bottom: 200 };
		const elsewhere = { left: 8, top: 8, right: 88, bottom: 88 };
		const png = await checkeredPng([secret, elsewhere]);
		// Inset by a few pixels: lossy WebP and the box edge blur a thin border either way.
		const inside = { left: 104, top: 104, width: 192, height: 92 };
		const outside = { left: 12, top: 12, width: 72, height: 72 };
		// stats() reads its input, not the pipeline, so the crop is materialised first.
		const stdev = async (img: Buffer, r: typeof inside) =>
			(await sharp(await sharp(img).extract(r).png().toBuffer()).stats()).channels[0].stdev;

		const out = await prepareScreenshot(png, [{ x: 0.25, y: 1 / 3, width: 0.5, height: 1 / 3 }]);

		expect(await stdev(png, inside)).toBeGreaterThan(100);
		expect(await stdev(out.bytes, inside)).toBeLessThan(10);
		const outsideBefore = await stdev(png, outside);
		expect(await stdev(out.bytes, outside)).toBeGreaterThan(outsideBefore * 0.8);
	});

	it('refuses redaction boxes outside the picture, empty or too many', async () => {
		const png = await solid(100, 100).png().toBuffer();
		const box = { x: 0.1, y: 0.1, width: 0.2, height: 0.2 };
		const bad = [
			[{ ...box, x: -0.1 }],
			[{ ...box, width: 0 }],
			[{ ...box, x: 0.9 }],
			[{ ...box, height: Number.NaN }],
			[{ x: '0', y: 0, width: 1, height: 1 }],
			Array.from({ length: 21 }, () => box)
		] as unknown as Parameters<typeof prepareScreenshot>[1][];
		for (const redactions of bad) {
			expect(await refusal(png, redactions)).toBe('upload.bad_redaction');
		}
	});
});

describe('prepareScreenshot: what is accepted', () => {
	it.each([
		['HTML renamed to .png', Buffer.from('<!doctype html><script>alert(1)</script>')],
		['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50"/>')],
		[
			'PNG signature followed by junk',
			Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(64, 7)])
		],
		['empty file', Buffer.alloc(0)]
	])('refuses %s as not an image', async (_name, bytes) => {
		expect(await refusal(bytes)).toBe('upload.not_an_image');
	});

	it('refuses a real GIF even though sharp could read it', async () => {
		const gif = await solid(50, 50).gif().toBuffer();
		expect(await refusal(gif)).toBe('upload.not_an_image');
	});

	it('accepts PNG, JPEG and WebP and always answers with WebP', async () => {
		for (const format of ['png', 'jpeg', 'webp'] as const) {
			const out = await prepareScreenshot(await solid(40, 30).toFormat(format).toBuffer());
			expect(out.contentType).toBe('image/webp');
			expect((await sharp(out.bytes).metadata()).format).toBe('webp');
		}
	});

	it('refuses a file over 10 MB before trying to decode it', async () => {
		expect(await refusal(Buffer.alloc(MAX_UPLOAD_BYTES + 1))).toBe('upload.too_big');
	});

	it('refuses a tiny file that claims 400 megapixels (decompression bomb)', async () => {
		expect(await refusal(pngBomb())).toBe('upload.too_big');
	});

	it('refuses an image smaller than 16×16', async () => {
		expect(await refusal(await solid(15, 40).png().toBuffer())).toBe('upload.too_small');
	});
});

describe('prepareScreenshot: size', () => {
	it('keeps a full-screen 1366×768 screenshot sharp and under 200 KB', async () => {
		const png = await screenshotLikePng();
		const out = await prepareScreenshot(png);
		expect([out.width, out.height]).toEqual([1366, 768]);
		expect(out.bytes.length).toBeLessThanOrEqual(200 * 1024);
	});

	it('shrinks a large image to fit 1600×1600 and never enlarges a small one', async () => {
		const big = await prepareScreenshot(await solid(3200, 2000).png().toBuffer());
		expect([big.width, big.height]).toEqual([1600, 1000]);
		const small = await prepareScreenshot(await solid(200, 100).png().toBuffer());
		expect([small.width, small.height]).toEqual([200, 100]);
	});
});
