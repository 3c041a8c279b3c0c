// node-postgres's own value encoding (arrays, dates, buffers to Postgres text), which it exports
// as pg/lib/utils without types.
declare module 'pg/lib/utils.js' {
	const utils: { prepareValue(value: unknown): string | Buffer | null };
	export default utils;
}
