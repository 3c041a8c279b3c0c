// The screenshot target: a full-screen (1366x768) screenshot, uploaded through the editor as a
// mentor would, must be served at 200 KB or less. The picture is a real one: Chromium's capture of
// the app's own walkthrough page at 1366x768, a text-heavy screen like the ones mentors take.
import { chromium } from '@playwright/test';

export async function screenshotServedKb(baseUrl, sessions, upload, pagePath) {
	const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium' });
	let png;
	try {
		const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
		await context.addCookies([{ name: 'tp_session', value: sessions.teacher.token, url: baseUrl }]);
		const page = await context.newPage();
		await page.goto(baseUrl + pagePath);
		png = await page.screenshot({ type: 'png' });
	} finally {
		await browser.close();
	}
	const form = new FormData();
	for (const [k, v] of Object.entries({
		language: 'en',
		title: 'Bench upload',
		outcome: '',
		prerequisites: '',
		tool_id: upload.tool_id,
		difficulty: '1',
		minutes: '5',
		step_id: upload.step_id,
		step_body: 'Press the green button.',
		step_callout_kind: '',
		step_callout: '',
		step_alt: 'The walkthrough page',
		step_redactions: '[{"x":0.02,"y":0.01,"width":0.3,"height":0.06}]'
	}))
		form.append(k, v);
	form.append('step_screenshot', new Blob([png], { type: 'image/png' }), 'screen.png');
	const cookie = `tp_session=${sessions.student_mentor.token}`;
	const saved = await fetch(`${baseUrl}/walkthroughs/${upload.walkthrough_id}/edit?/save`, {
		method: 'POST',
		body: form,
		headers: { cookie, origin: baseUrl, accept: 'text/html' },
		redirect: 'manual'
	});
	if (saved.status !== 303) throw new Error(`The screenshot upload answered ${saved.status}: ${await saved.text()}`);
	const editor = await (await fetch(`${baseUrl}/walkthroughs/${upload.walkthrough_id}/edit`, { headers: { cookie } })).text();
	const id = editor.match(/\/screenshots\/([0-9a-f-]{36})/)?.[1];
	if (!id) throw new Error('The uploaded screenshot is not on the editor page');
	const served = await fetch(`${baseUrl}/screenshots/${id}`, { headers: { cookie } });
	const bytes = (await served.arrayBuffer()).byteLength;
	return { uploadedKb: png.length / 1024, servedKb: bytes / 1024, type: served.headers.get('content-type') };
}
