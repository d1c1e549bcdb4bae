/** A minimal SQL scanner for the Hrana test server: enough to count statements, find parameters and the statement kind. */

export interface ScannedSql {
  /** Number of non-empty statements. */
  statements: number;
  /** Parameters of the first statement: SQLite index (1-based) and name (null for `?`/`?NNN`). */
  params: { index: number; name: string | null }[];
  /** Highest parameter index of the first statement. */
  paramCount: number;
  /** First keyword of the first statement, upper-case ("" if none). */
  firstKeyword: string;
  /** The data-changing verb of the first statement, if it is INSERT/UPDATE/DELETE/REPLACE. */
  dml: "INSERT" | "UPDATE" | "DELETE" | "REPLACE" | null;
}

const identStart = /[A-Za-z_\u0080-\uffff]/;
const identPart = /[A-Za-z0-9_$\u0080-\uffff]/;

export function scanSql(sql: string): ScannedSql {
  let statements = 0;
  let stmtIndex = 0; // index of the statement being scanned (0 = first)
  let hasContent = false;
  const words: string[] = []; // upper-cased keywords of the current statement, at depth 0
  let depth = 0;
  let inTrigger = false;
  let lastWord = "";
  const params: { index: number; name: string | null }[] = [];
  const named = new Map<string, number>();
  let paramCount = 0;
  let firstKeyword = "";
  let dml: ScannedSql["dml"] = null;
  let firstDone = false;

  const endStatement = () => {
    if (hasContent) {
      statements++;
      if (stmtIndex === 0) {
        firstDone = true;
        firstKeyword = words[0] ?? "";
        dml = findDml(words);
      }
      stmtIndex++;
    }
    hasContent = false;
    words.length = 0;
    depth = 0;
    inTrigger = false;
    lastWord = "";
  };

  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f") {
      i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? n : end + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === "'" || c === '"' || c === "`") {
      hasContent = true;
      i = skipQuoted(sql, i, c);
      lastWord = "";
    } else if (c === "[") {
      hasContent = true;
      const end = sql.indexOf("]", i);
      i = end === -1 ? n : end + 1;
      lastWord = "";
    } else if (c === ";") {
      if (inTrigger && lastWord !== "END") {
        i++;
        lastWord = "";
        continue;
      }
      endStatement();
      i++;
    } else if (c === "?") {
      hasContent = true;
      let j = i + 1;
      while (j < n && sql[j]! >= "0" && sql[j]! <= "9") j++;
      if (stmtIndex === 0 && !firstDone) {
        const index = j > i + 1 ? Number(sql.slice(i + 1, j)) : paramCount + 1;
        paramCount = Math.max(paramCount, index);
        params.push({ index, name: null });
      }
      i = j;
      lastWord = "";
    } else if ((c === ":" || c === "@" || c === "$") && i + 1 < n && identPart.test(sql[i + 1]!)) {
      hasContent = true;
      let j = i + 1;
      while (j < n && identPart.test(sql[j]!)) j++;
      if (stmtIndex === 0 && !firstDone) {
        const name = sql.slice(i, j);
        let index = named.get(name);
        if (index === undefined) {
          index = ++paramCount;
          named.set(name, index);
          params.push({ index, name });
        }
      }
      i = j;
      lastWord = "";
    } else if (identStart.test(c)) {
      hasContent = true;
      let j = i + 1;
      while (j < n && identPart.test(sql[j]!)) j++;
      // x'..' blob literals
      if (j === i + 1 && (c === "x" || c === "X") && sql[j] === "'") {
        i = skipQuoted(sql, j, "'");
        lastWord = "";
        continue;
      }
      const word = sql.slice(i, j).toUpperCase();
      if (depth === 0) {
        words.push(word);
        if (
          words[0] === "CREATE" &&
          (words[1] === "TRIGGER" || (words[2] === "TRIGGER" && (words[1] === "TEMP" || words[1] === "TEMPORARY")))
        ) {
          inTrigger = true;
        }
      }
      lastWord = word;
      i = j;
    } else if (c >= "0" && c <= "9") {
      hasContent = true;
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(sql[j]!)) j++;
      i = j;
      lastWord = "";
    } else {
      hasContent = true;
      if (c === "(") depth++;
      else if (c === ")") depth = Math.max(0, depth - 1);
      lastWord = "";
      i++;
    }
  }
  endStatement();
  return { statements, params, paramCount, firstKeyword, dml };
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  for (;;) {
    const end = sql.indexOf(quote, i);
    if (end === -1) return sql.length;
    if (sql[end + 1] === quote) {
      i = end + 2;
      continue;
    }
    return end + 1;
  }
}

function findDml(words: string[]): ScannedSql["dml"] {
  const isDml = (w: string | undefined) => w === "INSERT" || w === "UPDATE" || w === "DELETE" || w === "REPLACE";
  if (isDml(words[0])) return words[0] as ScannedSql["dml"];
  if (words[0] === "WITH") {
    // top-level words after the CTEs: the first SELECT/INSERT/UPDATE/DELETE/REPLACE decides
    for (const w of words.slice(1)) {
      if (isDml(w)) return w as ScannedSql["dml"];
      if (w === "SELECT" || w === "VALUES") return null;
    }
  }
  return null;
}
