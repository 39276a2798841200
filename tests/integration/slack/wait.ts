// Waiting for something to happen (a call, a log line, a socket frame) without sleeping: checked on every
// change, failing with a clear message after a generous deadline. Nothing here asserts on time.
export function createWaiter() {
  const listeners = new Set<() => void>();
  return {
    /** Call after every change to what is being watched. */
    notify(): void {
      for (const l of listeners) l();
    },
    waitFor<T>(get: () => T | undefined, what: () => string, timeoutMs = 8000): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const value = get();
          if (value === undefined) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(value);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(what()));
        }, timeoutMs);
        if (!check()) listeners.add(check);
      });
    },
  };
}
