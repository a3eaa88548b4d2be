/**
 * A presence flooder in its own process, so that masking and sending its megabytes costs the test's
 * process nothing: `node presenceFlooder.js <socket url> <frames> <entries>` opens the socket, prints
 * "flooding" once admitted, sends `frames` awareness frames of `entries` empty states each (distinct
 * five-byte client ids, about 9 bytes an entry), and prints the close as one JSON line.
 */
const WebSocket = require("ws");

const [url, frames, entries] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];

/** Writes a varuint as lib0 does; returns the offset after it. */
function writeVarUint(buffer, offset, value) {
  while (value > 0x7f) {
    buffer[offset++] = 0x80 | (value & 0x7f);
    value = Math.floor(value / 128);
  }
  buffer[offset++] = value;
  return offset;
}

function floodFrame() {
  const update = Buffer.alloc(5 + entries * 10);
  let end = writeVarUint(update, 0, entries);
  for (let i = 0; i < entries; i++) {
    end = writeVarUint(update, end, 0x10000000 + i);
    end = writeVarUint(update, end, 1);
    end = writeVarUint(update, end, 2);
    end += update.write("{}", end, "latin1");
  }
  const header = Buffer.alloc(6);
  const headerEnd = writeVarUint(header, writeVarUint(header, 0, 1), end);
  return Buffer.concat([header.subarray(0, headerEnd), update.subarray(0, end)]);
}

const frame = floodFrame();
// A zero mask makes ws skip masking: the flood costs this process (on the same machine) almost no CPU.
const socket = new WebSocket(url, { generateMask: (mask) => mask.fill(0) });
socket.on("error", () => undefined);
socket.on("close", (code, reason) => {
  console.log(JSON.stringify({ code, reason: reason.toString(), bytes: frame.byteLength * frames }));
  process.exit(0);
});
socket.once("message", () => {
  console.log("flooding");
  for (let i = 0; i < frames; i++) socket.send(frame);
});
