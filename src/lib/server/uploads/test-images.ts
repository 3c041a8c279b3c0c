// Test-only image builders, kept apart so the test files stay readable.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A 1366×768 mock of a typical web app: gradient header, sidebar, cards and lots of text. */
export async function screenshotLikePng(width = 1366, height = 768): Promise<Buffer> {
	const text = (x: number, y: number, s: string, size = 14, fill = '#1f2933') =>
		`<text x="${x}" y="${y}" font-family="DejaVu Sans, sans-serif" font-size="${size}" fill="${fill}">${s}</text>`;
	const menu = ['Dashboard', 'Walkthroughs', 'Help requests', 'Mentors', 'Settings', 'Sign out'];
	const cards: string[] = [];
	for (let i = 0; i < 6; i++) {
		const x = 260 + (i % 3) * 360;
		const y = 100 + Math.floor(i / 3) * 320;
		cards.push(
			`<rect x="${x}" y="${y}" width="330" height="290" rx="10" fill="#fff" stroke="#d5dbe3"/>`
		);
		cards.push(text(x + 20, y + 36, `Walkthrough ${i + 1}: sharing a document`, 16, '#102a43'));
		for (let line = 0; line < 9; line++) {
			cards.push(
				text(
					x + 20,
					y + 70 + line * 22,
					`Step ${line + 1}: open the menu and choose option ${line * 7 + i}`,
					12
				)
			);
		}
		cards.push(
			`<rect x="${x + 20}" y="${y + 250}" width="110" height="28" rx="6" fill="#2563eb"/>`
		);
		cards.push(text(x + 38, y + 269, 'Open guide', 13, '#fff'));
	}
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
		<defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#1e3a8a"/><stop offset="1" stop-color="#7c3aed"/></linearGradient></defs>
		<rect width="100%" height="100%" fill="#f4f6f9"/>
		<rect width="100%" height="64" fill="url(#g)"/>
		${text(24, 40, 'Tech Playground', 22, '#fff')}
		<circle cx="${width - 40}" cy="32" r="18" fill="#fbbf24"/>
		<rect y="64" width="230" height="${height - 64}" fill="#e8ecf2"/>
		${menu.map((m, i) => text(28, 110 + i * 40, m, 15)).join('')}
		${cards.join('')}
	</svg>`;
	return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A 400×300 grey PNG with a black/white checkerboard inside each given pixel rectangle. */
export async function checkeredPng(
	boxes: { left: number; top: number; right: number; bottom: number }[]
) {
	const width = 400;
	const height = 300;
	const data = Buffer.alloc(width * height * 3, 128);
	for (const b of boxes) {
		for (let y = b.top; y < b.bottom; y++) {
			for (let x = b.left; x < b.right; x++) {
				const v = (Math.floor(x / 4) + Math.floor(y / 4)) % 2 ? 255 : 0;
				data.fill(v, (y * width + x) * 3, (y * width + x) * 3 + 3);
			}
		}
	}
	return sharp(data, { raw: { width, height, channels: 3 } })
		.png()
		.toBuffer();
}

function pngChunk(type: string, body: Buffer): Buffer {
	const chunk = Buffer.alloc(12 + body.length);
	chunk.writeUInt32BE(body.length, 0);
	chunk.write(type, 4, 'latin1');
	body.copy(chunk, 8);
	chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + body.length)), 8 + body.length);
	return chunk;
}

/** A 69-byte PNG whose header claims 20000×20000 pixels: a decompression bomb's calling card. */
export function pngBomb(): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(20_000, 0);
	header.writeUInt32BE(20_000, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // truecolour
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
		pngChunk('IEND', Buffer.alloc(0))
	]);
}

/** Tag ids found in the GPS IFD of a raw EXIF block (as returned by sharp's metadata().exif). */
export function gpsTags(exif: Buffer): number[] {
	const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
	const le = tiff.toString('latin1', 0, 2) === 'II';
	const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
	const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
	const entries = (ifd: number) =>
		Array.from({ length: u16(ifd) }, (_, i) => ({
			tag: u16(ifd + 2 + i * 12),
			at: ifd + 2 + i * 12
		}));
	const pointer = entries(u32(4)).find((e) => e.tag === 0x8825);
	return pointer ? entries(u32(pointer.at + 8)).map((e) => e.tag) : [];
}
