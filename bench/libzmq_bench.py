#!/usr/bin/env python3
"""libzmq side of `groupchat-servers.jar bench --client libzmq` (pyzmq, Debian's python3-zmq).

  libzmq_bench.py echo           a bare libzmq ROUTER that returns every request to its sender
                                 (zmq_proxy with the ROUTER as both ends: no Python per message);
                                 prints its endpoint, runs until stdin closes
  libzmq_bench.py clients PLAN   closed-loop clients, one process and one synchronous REQ socket per
                                 client, driving the plan's targets in turns; prints the outcome as JSON

The plan (JSON): {"clients": C, "warmupMs": W, "durationMs": D, "timelineMs": T (0: none),
  "targets": [{"endpoint": E, "accept": PREFIX, "ops": [[request, ...] per client]}]}
An op is one or more requests sent one after another and timed together; "@UUID@" in a request is replaced
by a fresh UUID each time. A reply counts when it starts with the target's accept prefix.
As ClosedLoopClients does for the JeroMQ clients, the run is cut into slices given to the targets A B B A ...,
so load that comes and goes on the machine falls on every target alike.
"""
import json
import multiprocessing
import os
import sys
import threading
import time
import uuid

import zmq

SLICE_S = 0.25
REPLY_TIMEOUT_MS = 10_000
MARK = b"@UUID@"


def echo():
    context = zmq.Context()
    router = context.socket(zmq.ROUTER)
    port = router.bind_to_random_port("tcp://127.0.0.1")
    print("tcp://127.0.0.1:%d" % port, flush=True)
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    zmq.proxy(router, router)


class Turns:
    """Which target a moment belongs to, the same arithmetic as ClosedLoopClients.Turns."""

    def __init__(self, start, targets, warmup_ms, duration_ms):
        self.targets = targets
        self.start = start
        self.window_start = start + warmup_ms / 1000
        self.window_end = self.window_start + duration_ms / 1000
        rounds = max(1, int(duration_ms // (SLICE_S * 1000 * 2 * targets))) * 2
        self.slice = duration_ms / 1000 / (rounds * targets)

    def target_at(self, now):
        origin = self.window_start if now >= self.window_start else self.start
        index = int((now - origin) / self.slice)
        position = index % self.targets
        return position if (index // self.targets) % 2 == 0 else self.targets - 1 - position

    def seconds_per_target(self):
        return (self.window_end - self.window_start) / self.targets


def compile_op(requests):
    return [[part.encode() for part in request.split(MARK.decode())] for request in requests]


def render(parts):
    if len(parts) == 1:
        return parts[0]
    fresh = str(uuid.uuid4()).encode()
    return fresh.join(parts)


def drive(plan, client, start, results):
    targets = plan["targets"]
    turns = Turns(start, len(targets), plan["warmupMs"], plan["durationMs"])
    timeline_s = plan.get("timelineMs", 0) / 1000
    context = zmq.Context()
    sockets, ops, accepts = [], [], []
    for target in targets:
        socket = context.socket(zmq.REQ)
        socket.setsockopt(zmq.RCVTIMEO, REPLY_TIMEOUT_MS)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect(target["endpoint"])
        sockets.append(socket)
        ops.append([compile_op(op) for op in target["ops"][client]])
        accepts.append(target["accept"].encode())
    n = len(targets)
    latencies = [dict() for _ in range(n)]
    done, refused, trips = [0] * n, [0] * n, [0] * n
    timeline = {}
    next_op = [0] * n
    while time.monotonic() < start:
        time.sleep(0.001)
    while True:
        sent = time.monotonic()
        if sent >= turns.window_end:
            untimed = [t for t in range(n) if done[t] == 0]
            if not untimed or sent >= turns.window_end + REPLY_TIMEOUT_MS / 1000:
                break
            t = untimed[0]
        else:
            t = turns.target_at(sent)
        op = ops[t][next_op[t] % len(ops[t])]
        next_op[t] += 1
        ok = True
        for parts in op:
            sockets[t].send(render(parts))
            reply = sockets[t].recv()
            ok = ok and reply.startswith(accepts[t])
        received = time.monotonic()
        trips[t] += 1
        if not ok:
            refused[t] += 1
        elif sent >= turns.window_start:
            micros = int((received - sent) * 1e6)
            latencies[t][micros] = latencies[t].get(micros, 0) + 1
            done[t] += 1
        if timeline_s:
            bucket = int((received - start) / timeline_s)
            timeline[bucket] = timeline.get(bucket, 0) + 1
    for socket in sockets:
        socket.close()
    context.term()
    results.put({"done": done, "refused": refused, "trips": trips, "latencies": latencies, "timeline": timeline})


def clients(plan_file):
    with open(plan_file, encoding="utf-8") as f:
        plan = json.load(f)
    count = plan["clients"]
    # Every process starts at the same moment, after all of them have been forked.
    start = time.monotonic() + 0.3 + 0.02 * count
    fork = multiprocessing.get_context("fork")
    results = fork.Queue()
    processes = [fork.Process(target=drive, args=(plan, i, start, results)) for i in range(count)]
    for process in processes:
        process.start()
    outcomes = [results.get() for _ in processes]
    for process in processes:
        process.join()
    n = len(plan["targets"])
    seconds = Turns(start, n, plan["warmupMs"], plan["durationMs"]).seconds_per_target()
    merged = []
    for t in range(n):
        histogram = {}
        for outcome in outcomes:
            for micros, hits in outcome["latencies"][t].items():
                histogram[micros] = histogram.get(micros, 0) + hits
        merged.append({"completed": sum(o["done"][t] for o in outcomes),
                       "refused": sum(o["refused"][t] for o in outcomes),
                       "roundTrips": sum(o["trips"][t] for o in outcomes),
                       "seconds": seconds,
                       "latencyMicros": {str(k): v for k, v in histogram.items()}})
    timeline = {}
    for outcome in outcomes:
        for bucket, hits in outcome["timeline"].items():
            timeline[bucket] = timeline.get(bucket, 0) + hits
    ordered = [timeline.get(b, 0) for b in range(max(timeline) + 1)] if timeline else []
    json.dump({"targets": merged, "timeline": ordered}, sys.stdout)
    sys.stdout.flush()


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "echo":
        echo()
    elif len(sys.argv) == 3 and sys.argv[1] == "clients":
        clients(sys.argv[2])
    else:
        sys.exit(__doc__)
