/**
 * The reference y-websocket server (@y/websocket-server, in-memory) on PORT, as a separate process
 * like ours, for the sync benchmark's comparison.
 */
import { createServer } from "node:http";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

const port = Number(process.argv[2] ?? 1234);
const server = createServer((_req, res) => res.end("reference y-websocket server"));
const wss = new WebSocketServer({ server });
wss.on("connection", (conn, req) => setupWSConnection(conn, req, { gc: true }));
server.listen(port, "127.0.0.1", () => console.log(`ready ${port}`));
