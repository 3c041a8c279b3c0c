// Load runs with autocannon. autocannon's summary has p90, p97.5 and p99 but no p95, so every
// response time is also collected from its 'response' events and p95 is computed exactly.
import autocannon from 'autocannon';

/** The q-quantile (0..1) of a list of numbers, nearest-rank. */
export function quantile(values, q) {
	if (!values.length) return NaN;
	const sorted = Float64Array.from(values).sort();
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/**
 * One run against url for `seconds` at `connections`. Returns requests/s (average), p95 and
 * autocannon's p97.5 in ms, and the count of non-2xx answers, socket errors and timeouts.
 */
export function loadRun({ url, cookie, connections, seconds }) {
	const latencies = [];
	return new Promise((resolve, reject) => {
		const instance = autocannon(
			{ url, connections, duration: seconds, headers: cookie ? { cookie } : {}, timeout: 10 },
			(error, result) => {
				if (error) return reject(error);
				resolve({
					connections,
					requests: result.requests.total,
					rps: result.requests.average,
					p95: quantile(latencies, 0.95),
					p97_5: result.latency.p97_5,
					non2xx: result.non2xx,
					errors: result.errors,
					timeouts: result.timeouts
				});
			}
		);
		instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
	});
}
