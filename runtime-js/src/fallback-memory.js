// What the runtime and its fallback carriers (fallback.js) share, each in its own bundle: the tab remembers a fallback
// in sessionStorage. FELL holds the time a fallback carrier last got a message: for REMEMBERED ms after it, the tab's
// pages start on a fallback carrier instead of waiting for a WebSocket to fail again. POLLED holds the time the tab
// found that Server-Sent Events do not get through either: its pages then start on long polling.
export const FELL = 'quarkus-live-fell';
export const POLLED = 'quarkus-live-polled';
export const REMEMBERED = 3e5;
