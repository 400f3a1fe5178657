/**
 * What an office.js host file defines, read from the file itself: the classes of its `Excel` namespace with the
 * members on their prototypes (the file's Excel part evaluated in a sandbox, with office.js's runtime stubbed: only
 * the class definitions run), and the ExcelApi requirement set the library checks for a member on access (its
 * `"Class.member",<ExcelApi>,"1.13"` calls). Also which host files office.js loads, from its own map, and which
 * members the adapter uses (src/office/surface.ts, by its `@excel Class` tags). Node only: the build test and the
 * fake's tests use it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { GATES, type Gate } from '../../src/office/capabilities.js';

export interface ExcelLibrary {
  file: string;
  /** Class → the members its prototype chain has (OfficeExtension's ClientObject and RequestContext included). */
  classes: Map<string, Set<string>>;
  /** "Class.member" → the ExcelApi version office.js requires before it lets the member be used. */
  sets: Map<string, string>;
}

/** A stand-in for office.js's runtime: any property is another stand-in, any call or `new` one more. */
function stub(): unknown {
  const f = function stubbed(): unknown {
    return stub();
  };
  return new Proxy(f, {
    get(target, p) {
      if (p === 'prototype') return target.prototype;
      if (typeof p === 'symbol') return undefined;
      if (!Object.prototype.hasOwnProperty.call(target, p) || p === 'name' || p === 'length') Object.defineProperty(target, p, { value: stub(), configurable: true, writable: true });
      return (target as unknown as Record<string, unknown>)[p];
    },
    construct: () => ({}),
  });
}

/** OfficeExtension's base classes, as far as their members matter: every client object and the request context. */
class ClientObject {
  get isNullObject(): boolean {
    return false;
  }
  toJSON(): unknown {
    return {};
  }
}
class ClientRequestContext {
  sync(): Promise<void> {
    return Promise.resolve();
  }
}

export function readExcelLibrary(path: string): ExcelLibrary {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('var Excel,');
  const end = text.indexOf('var _EndExcel', start);
  if (start < 0 || end < 0) throw new Error(`${path}: no Excel namespace (var Excel … _EndExcel) found`);
  const base = stub() as Record<string, unknown>;
  const officeExtension = new Proxy(base, { get: (t, p) => (p === 'ClientObject' ? ClientObject : p === 'ClientRequestContext' ? ClientRequestContext : Reflect.get(t, p)) });
  const sandbox: Record<string, unknown> = {
    OfficeExtension: officeExtension,
    // Excel.RequestContext extends OfficeCore.RequestContext, itself an OfficeExtension.ClientRequestContext.
    OfficeCore: new Proxy(stub() as Record<string, unknown>, { get: (t, p) => (p === 'RequestContext' ? ClientRequestContext : Reflect.get(t, p)) }),
    OSF: stub(),
    Office: stub(),
    __extends(d: { prototype: unknown }, b: { prototype: unknown }) {
      Object.setPrototypeOf(d, b);
      d.prototype = Object.create(b.prototype as object, { constructor: { value: d, writable: true, configurable: true } });
    },
  };
  vm.createContext(sandbox);
  vm.runInContext(`${text.slice(start, end)};this.Excel = Excel;`, sandbox, { filename: path });
  const excel = sandbox.Excel as Record<string, unknown>;
  const classes = new Map<string, Set<string>>();
  for (const [name, value] of Object.entries(excel)) {
    if (typeof value !== 'function' || !value.prototype) continue;
    const members = new Set<string>();
    for (let p: object | null = value.prototype as object; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) for (const m of Object.getOwnPropertyNames(p)) members.add(m);
    classes.set(name, members);
  }
  // The variable office.js passes for the set "ExcelApi" ("Range.getMergedAreasOrNullObject",v,"1.13" with v="ExcelApi").
  const apiVars = new Set([...text.matchAll(/([A-Za-z_$][\w$]*)="ExcelApi"/g)].map((m) => m[1]!));
  const sets = new Map<string, string>();
  for (const m of text.matchAll(/"([A-Z]\w*\.\w+)",(?:([A-Za-z_$][\w$]*)|"(ExcelApi)"),"(\d+\.\d+)"/g)) if (m[3] || apiVars.has(m[2]!)) sets.set(m[1]!, m[4]!);
  return { file: path, classes, sets };
}

/** The Excel host files office.js loads (its OSF.HostSpecificFileVersionMap: excel-<platform>-<version>.js). */
export function excelHostFiles(officeJsDir: string): string[] {
  const officeJs = readFileSync(join(officeJsDir, 'office.js'), 'utf8');
  const m = /HostSpecificFileVersionMap=\{[^;]*?excel:\{([^}]*)\}/.exec(officeJs);
  if (!m) throw new Error(`${officeJsDir}/office.js: no HostSpecificFileVersionMap for excel`);
  return [...m[1]!.matchAll(/(\w+):"([\d.]+)"/g)].map((x) => `excel-${x[1]}-${x[2]}.js`);
}

export interface SurfaceMember {
  cls: string;
  member: string;
  /** The interface of src/office/surface.ts that names it. */
  iface: string;
}

/** Every member of src/office/surface.ts's interfaces tagged `@excel Class`, with those of the interfaces they extend. */
export function surfaceMembers(path = 'src/office/surface.ts'): SurfaceMember[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n)) interfaces.set(n.name.text, n);
  });
  const own = (i: ts.InterfaceDeclaration): string[] => {
    const names = i.members.flatMap((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? [m.name.text] : []));
    const inherited = (i.heritageClauses ?? []).flatMap((h) => h.types.flatMap((t) => (ts.isIdentifier(t.expression) && interfaces.has(t.expression.text) ? own(interfaces.get(t.expression.text)!) : [])));
    return [...new Set([...names, ...inherited])];
  };
  const out: SurfaceMember[] = [];
  for (const [name, decl] of interfaces) {
    const tag = ts.getJSDocTags(decl).find((t) => t.tagName.text === 'excel');
    const comment = typeof tag?.comment === 'string' ? tag.comment : tag?.comment?.map((c) => c.text).join('');
    const cls = comment?.trim().split(/\s/)[0];
    if (!cls) continue;
    for (const member of own(decl)) out.push({ cls, member, iface: name });
  }
  return out;
}

/** "1.10" < "1.13": requirement-set versions, part by part. */
const below = (a: string, b: string) => {
  const [x = 0, y = 0] = a.split('.').map(Number);
  const [p = 0, q = 0] = b.split('.').map(Number);
  return x < p || (x === p && y < q);
};

const gates = Object.entries(GATES) as Array<[string, Gate]>;

/**
 * What of the adapter's surface a library leaves ungated: members it does not define without a gate that needs them
 * (the member itself, or its whole class where the library has no such class), and members it checks against a set
 * above the 1.7 baseline without a gate at least that high.
 */
export function ungated(lib: ExcelLibrary, members: readonly SurfaceMember[]): string[] {
  const problems: string[] = [];
  for (const { cls, member, iface } of members) {
    const key = `${cls}.${member}`;
    const has = lib.classes.get(cls)?.has(member) ?? false;
    const gatedBy = gates.filter(([, g]) => g.needs.includes(key) || (g.needs.includes(cls) && !lib.classes.has(cls)));
    if (!has && !gatedBy.length) problems.push(`${key} (${iface}) is not in ${lib.file} and no gate needs it`);
    const set = lib.sets.get(key);
    if (set && below('1.7', set) && !gates.some(([, g]) => g.needs.includes(key) && !below(g.set, set)))
      problems.push(`${key} (${iface}) needs ExcelApi ${set} in ${lib.file}; no gate of that set needs it`);
  }
  return problems;
}
