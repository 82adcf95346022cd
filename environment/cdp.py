"""A minimal Chrome DevTools protocol client over the standard library, for headless Chromium tests.

Starts Chromium with a remote-debugging port, opens one page target and speaks JSON-RPC to it over a
WebSocket (RFC 6455: client frames masked, server frames possibly fragmented). Events are kept in
order so a test can inspect console messages, exceptions and network requests afterwards.
"""
import base64
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request

# Flags that work in containers without a display, a GPU or a network; WebGL runs on SwiftShader.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--hide-scrollbars",
]


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class WebSocket:
    def __init__(self, url, timeout):
        m = re.match(r"ws://([^:/]+):(\d+)(/.*)", url)
        host, port, path = m.group(1), int(m.group(2)), m.group(3)
        self.sock = socket.create_connection((host, port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise ConnectionError("DevTools closed the connection during the WebSocket handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ConnectionError("DevTools refused the WebSocket: " + head.split(b"\r\n")[0].decode())

    def _exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("DevTools connection closed")
            data += chunk
        return data

    def send(self, text):
        payload = text.encode()
        header = bytearray([0x81])  # FIN + text frame
        n = len(payload)
        if n < 126:
            header.append(0x80 | n)
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        header += mask
        self.sock.sendall(bytes(header) + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def receive(self):
        message = b""
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            data = self._exact(n)
            opcode = b0 & 0x0F
            if opcode == 0x8:
                raise ConnectionError("DevTools closed the WebSocket")
            if opcode in (0x9, 0xA):  # ping/pong: not part of a message
                continue
            message += data
            if b0 & 0x80:
                return message.decode()


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, width=900, height=600, timeout=60):
        exe = find_chromium()
        if exe is None:
            raise RuntimeError("Chromium is not installed (Debian: apt-get install -y chromium)")
        self.profile = tempfile.mkdtemp(prefix="r1kit-chromium-")
        self.proc = subprocess.Popen(
            [exe, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}",
             # DevTools has no authentication: loopback only, on a port the system picks at random
             "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = None
        deadline = time.time() + timeout
        while port is None and time.time() < deadline:
            line = self.proc.stderr.readline()
            if not line and self.proc.poll() is not None:
                raise RuntimeError(f"Chromium exited with code {self.proc.returncode} before DevTools started")
            m = re.search(r"DevTools listening on ws://([^:/]+):(\d+)/", line)
            if m:
                if m.group(1) not in ("127.0.0.1", "localhost"):
                    self.proc.kill()
                    raise RuntimeError("Chromium put DevTools on %s, not on loopback" % m.group(1))
                port = int(m.group(2))
        if port is None:
            raise RuntimeError("Chromium did not start DevTools within %d s" % timeout)
        # Drain the rest of stderr so Chromium never blocks on a full pipe.
        import threading
        threading.Thread(target=lambda: [None for _ in self.proc.stderr], daemon=True).start()
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=timeout))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = WebSocket(page["webSocketDebuggerUrl"], timeout)
        self.next_id = 0
        self.events = []
        self.pending, self.sessions, self.enable_in_children = [], [], ()
        self.timeout = timeout

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def call(self, method, session=None, **params):
        """Sends one command (to a child target's session if given) and returns its result.

        Events that arrive meanwhile are kept; child targets that attached meanwhile (out-of-process
        iframes, such as sandboxed ones) get the domains of `enable_in_children` and are resumed.
        """
        self.next_id += 1
        my_id = self.next_id
        msg = {"id": my_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        while True:
            msg = json.loads(self.ws.receive())
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                result = msg.get("result", {})
                break
            if "method" in msg:
                self.events.append(msg)
                if msg["method"] == "Target.attachedToTarget":
                    self.pending.append(msg["params"]["sessionId"])
        while self.pending:
            child = self.pending.pop(0)
            for domain in self.enable_in_children:
                self.call(domain + ".enable", session=child)
            self.call("Runtime.runIfWaitingForDebugger", session=child)
            self.sessions.append(child)
        return result

    def attach_to_children(self, *domains):
        """Attaches to child targets as they appear, paused until `domains` are enabled in them."""
        self.enable_in_children = domains
        self.call("Target.setAutoAttach", autoAttach=True, waitForDebuggerOnStart=True, flatten=True)

    def evaluate(self, expression, session=None):
        result = self.call("Runtime.evaluate", session=session, expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout):
        """Polls a JavaScript expression until it is truthy; returns its last value."""
        deadline = time.time() + timeout
        value = None
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.2)
        return value

    def screenshot(self):
        return base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])
