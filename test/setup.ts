// Global test setup: tests are offline. nock refuses any connection that is not to loopback,
// so a test that forgets a mock fails instead of reaching the network.
import nock from "nock";

nock.disableNetConnect();
nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost|\[::1\]|::1)(:\d+)?$/.test(host));
