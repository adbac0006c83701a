import assert from "node:assert/strict";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { startServer } from "./browser";

describe("the server process (npm start)", function () {
  // Starting the server takes seconds, more on a busy machine.
  this.timeout(120000);

  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  afterEach(async () => {
    await server?.stop();
  });

  it("on SIGTERM stops accepting, finishes the request in flight, and exits", async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: "0" });
    const { port } = new URL(server.url);
    const body = JSON.stringify({ text: "mistä haen palkkatukea" });
    const socket = connect(Number(port), "127.0.0.1");
    let answer = "";
    socket.on("data", (d: Buffer) => { answer += d.toString(); });
    const closed = new Promise((r) => socket.on("close", r));
    await new Promise((r) => socket.on("connect", r));
    // Half a request is in flight when the signal comes.
    socket.write(`POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((r) => setTimeout(r, 200));
    const child = server.child;
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    // A fresh connection (fetch would reuse a pooled one) is refused.
    await assert.rejects(new Promise((resolve, reject) => {
      const probe = connect(Number(port), "127.0.0.1");
      probe.on("connect", () => { probe.destroy(); resolve(undefined); });
      probe.on("error", reject);
    }), /ECONNREFUSED/);
    socket.write(body.slice(10));
    await closed;
    assert.match(answer, /^HTTP\/1\.1 200/);
    assert.match(answer, /"pay-subsidy"/);
    assert.equal(await exited, 0);
  });

  it("listens on the loopback interface unless HOST says otherwise", async () => {
    server = await startServer({ HOST: undefined });
    {
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      // From this machine's other addresses it is not reachable.
      const outside = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === "IPv4");
      for (const a of outside) await assert.rejects(fetch(`http://${a!.address}:${new URL(server.url).port}/healthz`), a!.address);
    }
  });
});
