// Test-only preload for the soak suite (node --expose-gc --require heap-probe.cjs dist/server.cjs): on
// 'heap' over the IPC channel of the test that spawned the server, collects garbage and answers the
// heap in use. Never part of the product: the server itself has no such request.
if (process.send && typeof global.gc === 'function') {
    process.on('message', message => {
        if (message !== 'heap') return;
        global.gc();
        process.send({ heapUsed: process.memoryUsage().heapUsed });
    });
    // The channel must not keep a server alive that would otherwise exit.
    process.channel.unref();
}
