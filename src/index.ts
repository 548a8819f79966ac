// Public entry point of remote-rendering-client. Explicit named exports only.
export {};
