// The live-event stream (GET /api/events) over real HTTP, read as a client reads it: block by block, each block
// ending with a blank line.

/** Opens the stream at `baseUrl` with the given auth headers; `close` aborts it from the client side. */
export async function openEventStream(baseUrl: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/events`, { headers, signal: controller.signal });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  /** The next block, or null once the server has ended the stream. */
  const next = async (): Promise<string | null> => {
    while (!buffer.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
    const end = buffer.indexOf('\n\n');
    const block = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    return block;
  };
  return {
    res,
    next,
    /** The data of the first event block whose data contains `text`, or null if the stream ends first. */
    async find(text: string): Promise<Record<string, unknown> | null> {
      for (;;) {
        const block = await next();
        if (block === null) return null;
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (data?.includes(text)) return JSON.parse(data.slice('data: '.length));
      }
    },
    close: () => controller.abort(),
  };
}
