// The only functions the server may call. A test keeps these lists in step with the database.

export const API_FUNCTIONS = [
	'accept_invite',
	'accept_session',
	'add_tool',
	'cancel_help_request',
	'claim_help_request',
	'close_help_request',
	'escalate_help_request',
	'help_overview',
	'help_queue',
	'help_request',
	'join_help_request',
	'answer_partner_ask',
	'partner_ask',
	'withdraw_partner_ask',
	'log_session',
	'mark_notifications_read',
	'mentor_portfolio',
	'my_help_requests',
	'my_notifications',
	'open_notification',
	'post_help_request',
	'propose_session',
	'reassign_help_request',
	'reopen_help_request',
	'set_help_targets',
	'tools_catalog',
	'unclaim_help_request',
	'verify_session_log',
	'create_invite',
	'create_student',
	'demo_accounts',
	'home',
	'invite_preview',
	'me',
	'reset_student_password',
	'revoke_invite',
	'save_reading_preferences',
	'school_people',
	'set_person_active',
	'setup_school',
	'set_interface_language',
	'setup_status',
	'sign_out_everywhere',
	'update_my_profile',
	'walkthrough',
	'walkthrough_add_author',
	'walkthrough_attach_screenshot',
	'walkthrough_comment',
	'walkthrough_editor',
	'walkthrough_move_step',
	'walkthrough_remove_screenshot',
	'walkthrough_review',
	'walkthrough_save',
	'walkthrough_screenshot',
	'walkthrough_start',
	'walkthrough_submit',
	'walkthrough_unpublish',
	'walkthrough_vote',
	'walkthroughs',
	'request_walkthroughs',
	'walkthrough_delete_step'
] as const;

export type ApiFunctionName = (typeof API_FUNCTIONS)[number];

export const SERVICE_FUNCTIONS = [
	'local_auth.begin_sign_in',
	'local_auth.finish_sign_in',
	'local_auth.start_session',
	'local_auth.end_session',
	'app_private.issue_setup_code',
	'app_private.run_help_request_timers'
] as const;

export type ServiceFunctionName = (typeof SERVICE_FUNCTIONS)[number];

const apiNames = new Set<string>(API_FUNCTIONS);
const serviceNames = new Set<string>(SERVICE_FUNCTIONS);
const argName = /^p_[a-z][a-z0-9_]*$/;

/** Throws unless `fn` is a known API function and every argument name is a plain p_ name. */
export function assertKnownCall(fn: string, args: Record<string, unknown>, service = false): void {
	if (!(service ? serviceNames : apiNames).has(fn)) throw new Error(`Unknown database function: ${fn}`);
	for (const name of Object.keys(args)) {
		if (!argName.test(name)) throw new Error(`Bad argument name for ${fn}: ${name}`);
	}
}
