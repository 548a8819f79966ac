// Resumes waiting for a session after a restart: the first program starts the session and saves the
// poller's state; a second client (as a restarted program would create) resumes from that state and
// waits until the session is Ready, without creating it again.
import { connect } from "./sampleConnection.js";

const connection = await connect();
try {
  const sessionId = `sample-resumed-${Date.now()}`;
  const before = connection.newClient();
  const poller = before.beginSession(sessionId, { maxLeaseTimeInMinutes: 10, size: "Standard" });
  await poller.submitted(); // the creation was sent
  const saved = await poller.serialize(); // a string to keep in a file or database
  console.log(`Saved the poller of ${sessionId} (${saved.length} characters)`);

  // ... the program restarts ...
  const after = connection.newClient();
  const session = await after.beginSession({ resumeFrom: saved });
  console.log(`Resumed: ${session.sessionId} is ${session.status}`);
  await after.endSession(sessionId);
} finally {
  await connection.close();
}
