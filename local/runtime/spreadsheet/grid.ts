// One sparse layer of a sheet (values, notes, a format attribute...): rows of cells, holes where nothing is set,
// so a 10,000-row sheet costs one small array per used row and rows/columns can be inserted or deleted by splicing.

export class Layer<T> {
  /** rows[r][c], 0-based; a missing row or cell means "not set". */
  private rows: (T[] | undefined)[] = [];

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row === undefined ? undefined : row[c];
  }

  set(r: number, c: number, value: T | undefined): void {
    let row = this.rows[r];
    if (value === undefined) {
      if (row !== undefined && c < row.length) {
        delete row[c];
        if (c === row.length - 1) trimRow(row);
      }
      return;
    }
    if (row === undefined) {
      row = [];
      this.rows[r] = row;
    }
    row[c] = value;
  }

  /** The row's cells (read-only view), undefined when nothing is set in it. */
  row(r: number): readonly (T | undefined)[] | undefined {
    return this.rows[r];
  }

  clear(r0: number, c0: number, numRows: number, numColumns: number): void {
    const end = Math.min(r0 + numRows, this.rows.length);
    for (let r = r0; r < end; r++) {
      const row = this.rows[r];
      if (row === undefined) continue;
      if (c0 === 0 && c0 + numColumns >= row.length) {
        this.rows[r] = undefined;
        continue;
      }
      const cEnd = Math.min(c0 + numColumns, row.length);
      for (let c = c0; c < cEnd; c++) delete row[c];
      trimRow(row);
    }
  }

  insertRows(at: number, count: number, copyFrom?: number): void {
    const source = copyFrom === undefined ? undefined : this.rows[copyFrom];
    if (at >= this.rows.length && source === undefined) return;
    const fresh: (T[] | undefined)[] = new Array(count);
    if (source !== undefined) for (let i = 0; i < count; i++) fresh[i] = source.slice();
    if (at > this.rows.length) this.rows.length = at;
    // concat rather than splice(...fresh): a spread of thousands of rows overflows the call stack.
    this.rows = this.rows.slice(0, at).concat(fresh, this.rows.slice(at));
  }

  deleteRows(at: number, count: number): void {
    if (at < this.rows.length) this.rows.splice(at, count);
  }

  insertColumns(at: number, count: number, copyFrom?: number): void {
    for (const row of this.rows) {
      if (row === undefined) continue;
      const source = copyFrom === undefined ? undefined : row[copyFrom];
      if (at > row.length && source === undefined) continue;
      if (at > row.length) row.length = at;
      const fresh = new Array<T>(count);
      if (source !== undefined) fresh.fill(source);
      const moved = row.splice(at);
      for (let i = 0; i < count; i++) row.push(fresh[i]);
      for (const v of moved) row.push(v);
      trimRow(row);
    }
  }

  deleteColumns(at: number, count: number): void {
    for (const row of this.rows) {
      if (row !== undefined && at < row.length) {
        row.splice(at, count);
        trimRow(row);
      }
    }
  }

  /** 0-based index of the last row holding anything, -1 when empty. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row !== undefined && row.length > 0) return r;
    }
    return -1;
  }

  /** 0-based index of the last column holding anything, -1 when empty. */
  lastColumn(): number {
    let last = -1;
    for (const row of this.rows) if (row !== undefined && row.length - 1 > last) last = row.length - 1;
    return last;
  }

  /** Every set cell, row by row. */
  *entries(): Generator<[number, number, T]> {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (row === undefined) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== undefined) yield [r, c, v];
      }
    }
  }
}

/** Drops trailing holes so a row's length is one past its last set cell. */
function trimRow<T>(row: (T | undefined)[]): void {
  let n = row.length;
  while (n > 0 && row[n - 1] === undefined) n--;
  row.length = n;
}
