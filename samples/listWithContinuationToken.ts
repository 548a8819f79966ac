// Pages through the account's sessions, then resumes the listing after the first page from its
// continuation token on a new client, as a program that saved the token would after a restart.
import { connect } from "./sampleConnection.js";

const connection = await connect();
try {
  const client = connection.newClient();
  const ids = [1, 2, 3].map((n) => `sample-listed-${Date.now()}-${n}`);
  await Promise.all(ids.map((id) => client.beginSession(id, { maxLeaseTimeInMinutes: 5, size: "Standard" })));

  let pages = 0;
  for await (const page of client.listSessions().byPage()) {
    pages += 1;
    console.log(`Page ${pages}: ${page.map((s) => s.sessionId).join(", ")}`);
  }

  const first = await client.listSessions().byPage().next();
  const token = first.done ? undefined : first.value.continuationToken;
  if (token === undefined) {
    console.log("All sessions fit on one page: there is nothing to resume.");
  } else {
    const later = connection.newClient();
    let resumed = 0;
    for await (const page of later.listSessions().byPage({ continuationToken: token }))
      resumed += page.length;
    console.log(`Resumed after the first page: ${resumed} more sessions`);
  }
  await Promise.all(ids.map((id) => client.endSession(id)));
} finally {
  await connection.close();
}
