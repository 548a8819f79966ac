// Loaded before each documentation example (node --import): nothing leaves the machine. fetch to any
// host but loopback fails like an unreachable host, so an example such as findClosestRegion() over
// the service's real regions runs and reports them unreachable.
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new globalThis.URL(input instanceof globalThis.Request ? input.url : String(input));
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname)) {
    return Promise.reject(
      new TypeError("fetch failed", { cause: new Error(`${url.hostname} is not reachable from the tests`) }),
    );
  }
  return realFetch(input, init);
};
