// Service limits that the spec states only in prose, or that code needs as values at run time: the
// lease bounds, the session sizes and the longest Retry-After wait this package honours. This is
// their one source for the client's validation, keep-alive, the CLI and the emulator. It imports
// nothing, so any layer may use it; wire/sessionWire.ts checks the sizes against the generated
// model at compile time, so a spec that adds or renames a size fails the type check until this
// list follows.

/** The shortest lease a session may be given, in minutes. */
export const minLeaseTimeInMinutes = 0;

/** The longest lease a session may be given, in minutes (24 hours). */
export const maxLeaseTimeInMinutes = 1440;

/** The sizes of a rendering session, smallest first. */
export const renderingSessionSizes = ["Standard", "Premium"] as const;

/**
 * The longest wait a Retry-After header (of a retried request or a conversion status) can impose,
 * in milliseconds; larger values are capped so that a bad header cannot stall a call.
 */
export const maxRetryAfterInMs = 60_000;
