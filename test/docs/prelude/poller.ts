// Prelude of the documentation examples: `poller`, a session poller of `client`.
import { client } from "./client.js";

export const poller = client.beginSession("prelude-session", { maxLeaseTimeInMinutes: 10, size: "Standard" });
