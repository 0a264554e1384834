interface Action {
  label: string;
  run: () => Promise<void> | void;
  /** Synchronous last resort (e.g. SIGKILL a child) for a second Ctrl-C or an abrupt exit. */
  force?: () => void;
  done: boolean;
}

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Teardown of a benchmark run, last in first out: children are stopped before the database they
 * use, the database before its temporary directory is removed. Runs once, on success, on failure
 * and on Ctrl-C; a second Ctrl-C kills whatever is left at once.
 */
export class Cleanup {
  private readonly actions: Action[] = [];
  private running: Promise<void> | null = null;
  private interrupted = false;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.interrupted) {
      this.log(`${signal} again: killing what is left`);
      this.forceAll();
      process.exit(130);
    }
    this.interrupted = true;
    this.log(`${signal}: stopping the benchmark and cleaning up (again to force)`);
    void this.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };

  constructor(
    private readonly log: (message: string) => void,
    private readonly timeoutMs = 20_000,
  ) {
    process.on('exit', () => this.forceAll());
  }

  /** True once a signal asked the run to stop (the benchmark's own errors are then noise). */
  get wasInterrupted(): boolean {
    return this.interrupted;
  }

  /** Listens for SIGINT/SIGTERM/SIGHUP (idempotent: call again after anything that removed listeners). */
  armSignals(): void {
    for (const signal of signals) {
      if (!process.listeners(signal).includes(this.onSignal)) process.on(signal, this.onSignal);
    }
  }

  /** Registers a teardown step; the returned function runs it now (once) and unregisters it. */
  add(label: string, run: () => Promise<void> | void, force?: () => void): () => Promise<void> {
    const action: Action = { label, run, done: false, ...(force ? { force } : {}) };
    this.actions.push(action);
    return async () => {
      const i = this.actions.indexOf(action);
      if (i !== -1) this.actions.splice(i, 1);
      await this.runOne(action);
    };
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      while (this.actions.length) await this.runOne(this.actions.pop()!);
    })();
    return this.running;
  }

  private async runOne(action: Action): Promise<void> {
    if (action.done) return;
    action.done = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(action.run),
        new Promise<void>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
        }),
      ]);
    } catch (err) {
      this.log(`cleanup: ${action.label}: ${err instanceof Error ? err.message : String(err)}`);
      action.force?.();
    } finally {
      clearTimeout(timer);
    }
  }

  private forceAll(): void {
    for (const action of this.actions) {
      try {
        action.force?.();
      } catch {
        // best effort
      }
    }
  }
}
