// Keeps a session's lease renewed while the program works with it, then stops renewing and ends it.
import { connect } from "./sampleConnection.js";

const connection = await connect();
try {
  const client = connection.newClient();
  const sessionId = `sample-kept-${Date.now()}`;
  await client.beginSession(sessionId, { maxLeaseTimeInMinutes: 5, size: "Standard" });
  // Renew now and every second, each time adding a minute (a real program would use minutes).
  const keeper = client.keepSessionAlive(sessionId, {
    intervalInMs: 1000,
    extensionInMinutes: 1,
    endSessionOnStop: true,
    onRenewed: (session) => console.log(`Lease now ${session.maxLeaseTimeInMinutes} minutes`),
  });
  await new Promise((resolve) => setTimeout(resolve, 2500)); // ... the program's work ...
  const outcome = await keeper.stop();
  console.log(`Stopped keeping ${sessionId} alive: ${outcome.reason}, ${outcome.renewals} renewals`);
} finally {
  await connection.close();
}
