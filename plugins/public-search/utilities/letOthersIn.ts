/**
 * SQLite answers synchronously, so a search's reads resolve one after another without the event
 * loop taking other requests in between: between its steps, a search lets them in.
 */
export const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve))
