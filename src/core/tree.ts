// The org tree, built once from a list of orgs: children, subtrees, the
// branches below a committee, and the parent chain. Every walk is linear.
import type { Org } from './model.js';

type Node = Pick<Org, 'code' | 'parent' | 'type'>;

export class OrgTree<O extends Node = Org> {
  private readonly byCode = new Map<string, O>();
  private readonly kids = new Map<string, O[]>();

  /** `orgs` in the order children are to be listed. */
  constructor(orgs: Iterable<O>) {
    for (const o of orgs) {
      this.byCode.set(o.code, o);
      if (o.parent === null) continue;
      const k = this.kids.get(o.parent);
      if (k) k.push(o);
      else this.kids.set(o.parent, [o]);
    }
  }

  get(code: string): O | undefined {
    return this.byCode.get(code);
  }

  children(code: string): readonly O[] {
    return this.kids.get(code) ?? [];
  }

  /** The orgs with no parent: the top of the tree. */
  roots(): O[] {
    return [...this.byCode.values()].filter((o) => o.parent === null);
  }

  /** `code` and every org below it, parents before children. */
  subtree(code: string): O[] {
    const out: O[] = [];
    const start = this.byCode.get(code);
    if (!start) return out;
    const stack = [start];
    const seen = new Set<string>();
    while (stack.length) {
      const o = stack.pop()!;
      if (seen.has(o.code)) continue; // a cycle in stored data must not hang a walk
      seen.add(o.code);
      out.push(o);
      const k = this.children(o.code);
      for (let i = k.length - 1; i >= 0; i--) stack.push(k[i]);
    }
    return out;
  }

  /** The branches at any depth below `code`. */
  branchesUnder(code: string): O[] {
    return this.subtree(code).filter((o) => o.code !== code && o.type === 'branch');
  }

  /**
   * The chain of parents from `code` upward, as far as the tree knows them;
   * `cycle` is set when the chain comes back to an org already on it.
   */
  ancestors(code: string): { chain: string[]; cycle: boolean } {
    const chain = [code];
    const on = new Set(chain);
    let cur = this.byCode.get(code)?.parent ?? null;
    while (cur !== null) {
      if (on.has(cur)) return { chain: [...chain, cur], cycle: true };
      chain.push(cur);
      on.add(cur);
      cur = this.byCode.get(cur)?.parent ?? null;
    }
    return { chain, cycle: false };
  }
}
