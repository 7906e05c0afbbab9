/**
 * Entry for tests inside workerd: the same Worker without the React Router build (which only
 * exists after `react-router build`); page requests get 404.
 */
import { createWorker } from "./entry";

export { ChatRoom } from "./chat/chat-room";
export { TableRoom } from "./durable/table-room";
export { AutopilotWorkflow } from "./workflows/autopilot";
export { JourneyWorkflow } from "./workflows/journey";

export default createWorker(async () => new Response("Pages are not served in this test entry", { status: 404 }));
