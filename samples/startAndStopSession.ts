// Starts a rendering session, waits until it is Ready, prints where to connect, and stops it.
import { connect } from "./sampleConnection.js";

const connection = await connect();
try {
  const client = connection.newClient();
  const sessionId = `sample-session-${Date.now()}`;
  console.log(`Starting ${sessionId}...`);
  const session = await client.beginSession(sessionId, { maxLeaseTimeInMinutes: 10, size: "Standard" });
  if (session.status === "Ready") {
    console.log(`Ready: ${session.hostname}:${session.handshakePort}`);
  }
  await client.endSession(sessionId);
  console.log(`Stopped ${sessionId}: ${(await client.getSession(sessionId)).status}`);
} finally {
  await connection.close();
}
