import sharp, { type Channels } from 'sharp';

export type Redaction = { x: number; y: number; width: number; height: number };

export type RawImage = { data: Buffer; width: number; height: number; channels: Channels };

/** Form data is untrusted JSON, so the shape is checked at runtime despite the type. */
export function isValidRedactionList(list: unknown, max: number): list is Redaction[] {
	if (!Array.isArray(list) || list.length > max) return false;
	return list.every((r: unknown) => {
		if (typeof r !== 'object' || r === null) return false;
		const { x, y, width, height } = r as Record<string, unknown>;
		const nums = [x, y, width, height];
		if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return false;
		const [nx, ny, nw, nh] = nums as number[];
		// Tolerance absorbs float rounding from the browser's pixel-to-fraction maths.
		const edge = 1 + 1e-6;
		return nx >= 0 && ny >= 0 && nw > 0 && nh > 0 && nx + nw <= edge && ny + nh <= edge;
	});
}

/**
 * Overwrites the rectangle in `image.data` with a coarse pixelation.
 * The patch is derived only from a handful of block averages, so text inside cannot be
 * recovered, and it replaces pixels outright: compositing could let originals show through alpha.
 */
export async function pixelate(image: RawImage, r: Redaction): Promise<void> {
	const { data, width: W, height: H, channels } = image;
	// Round outwards so a partly covered pixel is hidden, never left readable.
	const left = Math.min(W - 1, Math.floor(r.x * W));
	const top = Math.min(H - 1, Math.floor(r.y * H));
	const width = Math.max(1, Math.min(W, Math.ceil((r.x + r.width) * W)) - left);
	const height = Math.max(1, Math.min(H, Math.ceil((r.y + r.height) * H)) - top);

	// 24px blocks (about a Gaussian blur of sigma 25) also erase the gaps between words, so
	// name lengths do not show; growing with the box keeps large headings as unreadable.
	const block = Math.max(24, Math.ceil(Math.min(width, height) / 2));
	const smallW = Math.max(1, Math.round(width / block));
	const smallH = Math.max(1, Math.round(height / block));

	const raw = { width: W, height: H, channels };
	const small = await sharp(data, { raw })
		.extract({ left, top, width, height })
		.resize(smallW, smallH, { fit: 'fill' })
		.raw()
		.toBuffer();
	const patch = await sharp(small, { raw: { width: smallW, height: smallH, channels } })
		.resize(width, height, { fit: 'fill', kernel: 'linear' })
		.raw()
		.toBuffer();

	const rowBytes = width * channels;
	for (let row = 0; row < height; row++) {
		patch.copy(data, ((top + row) * W + left) * channels, row * rowBytes, (row + 1) * rowBytes);
	}
}
