// Teams and Adaptive Card limits, named once so the card builders and their boundary tests agree.

/** Teams renders Adaptive Cards up to 1.5 for bot messages; newer features are not shown. */
export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * Our budget per card, in bytes of JSON. Bot messages may be larger (about 40-100 KB), but 28 KB is the
 * Incoming Webhook / Workflows limit, so a card under it can be relayed anywhere.
 */
export const MAX_CARD_BYTES = 28 * 1024;

/** Teams shows at most 6 buttons in a row; 5 keeps rows readable on narrow clients. */
export const MAX_ACTIONS_PER_SET = 5;

/** Button titles longer than this are cut; Teams truncates them visually anyway. */
export const MAX_BUTTON_CHARS = 40;

/** The card's `fallbackText` (shown by clients that cannot render the card) is kept short. */
export const MAX_FALLBACK_CHARS = 2000;

/** The activity `summary`: what notifications and the activity feed show. */
export const MAX_SUMMARY_CHARS = 200;

/** Sources shown inline; the rest sit behind a "More sources" toggle in the same card. */
export const INLINE_SOURCES = 6;

/** Teams re-sends an activity when the bot takes longer than about 15 s; remember ids for an hour. */
export const DEDUPE_TTL_SECONDS = 3600;

/** Team installations are kept for a long time and refreshed whenever the bot hears from the team. */
export const TEAM_RECORD_TTL_SECONDS = 400 * 24 * 3600;
