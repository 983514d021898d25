// Queue consumers stop with the runtime's queue (src/runtime); nothing of our own to stop.
export default async () => {};
