#!/usr/bin/env python3
"""A minimal Python group server for `bench fetch --client libzmq` to compare against.

Written for GroupChat (same licence as the project), after the design of the student group server this
project was modelled on (rainaarya/DSCD_Assignments, Assignment_1/ZeroMQ/group.py, which carries no licence,
so none of its code is copied here): pyzmq, one ROUTER served by a handler thread, members in a set, the
messages in a list of dicts with ISO timestamps, `getMessage` answering every message at or after a time
(format %Y-%m-%dT%H:%M:%S) in one JSON reply, after parsing each stored timestamp.

Requests: {"user_uuid": U, "action": "joinGroup" | "leaveGroup" | "sendMessage" | "getMessage",
"message": TEXT, "timestamp": TIME}. Replies: {"response": "SUCCESS" | "FAILED", "messages": [...]}.
Binds 127.0.0.1 on a free port, prints the endpoint, and stops when stdin closes.
"""
import datetime
import json
import os
import sys
import threading

import zmq

members = set()
messages = []
lock = threading.Lock()


def answer(request):
    user = request["user_uuid"]
    action = request["action"]
    with lock:
        if action == "joinGroup":
            members.add(user)
            return {"response": "SUCCESS"}
        if action == "leaveGroup":
            members.discard(user)
            return {"response": "SUCCESS"}
        if user not in members:
            return {"response": "FAILED"}
        if action == "sendMessage":
            messages.append({"user_uuid": user, "message": request["message"],
                             "timestamp": datetime.datetime.now().isoformat()})
            return {"response": "SUCCESS"}
        if action == "getMessage":
            since = request.get("timestamp")
            if not since:
                return {"response": "SUCCESS", "messages": list(messages)}
            since = datetime.datetime.strptime(since, "%Y-%m-%dT%H:%M:%S")
            found = [m for m in messages if datetime.datetime.fromisoformat(m["timestamp"]) >= since]
            return {"response": "SUCCESS", "messages": found}
    return {"response": "FAILED"}


def serve(socket):
    while True:
        sender, empty, body = socket.recv_multipart()
        reply = answer(json.loads(body.decode("utf-8")))
        socket.send_multipart([sender, empty, json.dumps(reply).encode("utf-8")])


def main():
    context = zmq.Context()
    socket = context.socket(zmq.ROUTER)
    port = socket.bind_to_random_port("tcp://127.0.0.1")
    print("tcp://127.0.0.1:%d" % port, flush=True)
    threading.Thread(target=serve, args=(socket,), daemon=True).start()
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    main()
