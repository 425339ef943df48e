// Undo and redo of changes the server has accepted. Each step is an action with undo() and
// redo() that talk to the server; a step moves between the stacks only when the server took it,
// so the history never claims what the server does not hold.
export class UndoHistory {
  constructor(onChange) {
    this.done = [];
    this.undone = [];
    this.busy = false;
    this.onChange = onChange;
  }

  push(action) {
    this.done.push(action);
    this.undone = [];
    this.onChange();
  }

  get canUndo() {
    return !this.busy && this.done.length > 0;
  }

  get canRedo() {
    return !this.busy && this.undone.length > 0;
  }

  undo() {
    return this.step(this.done, this.undone, 'undo');
  }

  redo() {
    return this.step(this.undone, this.done, 'redo');
  }

  async step(from, to, which) {
    if (this.busy || from.length === 0) return;
    this.busy = true;
    this.onChange();
    const action = from[from.length - 1];
    try {
      await action[which]();
      from.pop();
      to.push(action);
    } catch (e) {
      // the store has said why (a conflict, a lost connection); the step stays where it was
    } finally {
      this.busy = false;
      this.onChange();
    }
  }
}
