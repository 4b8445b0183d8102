/**
 * One bound on a client's message for every transport: an HTTP body, a stdio line. Tool
 * arguments are small (at most 100 ISRCs, a few kilobytes); 1 MiB leaves ample room and bounds
 * what one message can make the process hold in memory.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
