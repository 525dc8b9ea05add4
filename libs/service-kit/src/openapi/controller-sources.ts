import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** What the source of one controller method says that its decorators do not. */
export interface MethodSource {
  readonly comment: string | undefined;
  /** constructors of the exceptions the method throws, directly or through helpers of its file */
  readonly throws: readonly string[];
  /** functions it calls by name, directly or through helpers, e.g. the reader of a CSV body */
  readonly calls: readonly string[];
  /** a Content-Type the method sets on a response it writes itself */
  readonly contentType: string | undefined;
}

export interface ControllerSource {
  readonly file: string;
  readonly comment: string | undefined;
  readonly methods: ReadonlyMap<string, MethodSource>;
}

/** Controller classes by name, read with the TypeScript compiler from the given files and the files under the given folders. */
export function readControllerSources(roots: readonly string[]): ReadonlyMap<string, ControllerSource> {
  const controllers = new Map<string, ControllerSource>();
  for (const file of roots.flatMap(typeScriptFilesUnder).sort()) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('@Controller(')) continue;
    for (const [name, source] of controllersIn(file, text)) {
      const known = controllers.get(name);
      if (known) throw new Error(`controller ${name} is declared twice: ${known.file} and ${source.file}`);
      controllers.set(name, source);
    }
  }
  return controllers;
}

function typeScriptFilesUnder(root: string): string[] {
  // a file named on its own is read whatever its name, e.g. a test's own controllers
  if (!statSync(root).isDirectory()) return [root];
  return readdirSync(root).flatMap((entry) => {
    if (entry === 'node_modules' || entry.startsWith('.')) return [];
    const path = join(root, entry);
    if (statSync(path).isDirectory()) return typeScriptFilesUnder(path);
    return entry.endsWith('.ts') && !entry.endsWith('.spec.ts') && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

function controllersIn(file: string, text: string): [string, ControllerSource][] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const functions = new Map<string, ts.Node>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) functions.set(statement.name.text, statement);
  }
  const found: [string, ControllerSource][] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name || !isController(statement)) continue;
    const members = new Map<string, ts.Node>();
    for (const member of statement.members) {
      if (ts.isMethodDeclaration(member) && ts.isIdentifier(member.name))
        members.set(member.name.text, member);
    }
    const methods = new Map<string, MethodSource>();
    for (const [name, member] of members) {
      methods.set(name, methodSource(member, { functions, members }));
    }
    found.push([statement.name.text, { file, comment: jsDocOf(statement), methods }]);
  }
  return found;
}

function isController(declaration: ts.ClassDeclaration): boolean {
  return (ts.getDecorators(declaration) ?? []).some(
    (decorator) =>
      ts.isCallExpression(decorator.expression) &&
      ts.isIdentifier(decorator.expression.expression) &&
      decorator.expression.expression.text === 'Controller',
  );
}

interface Scope {
  readonly functions: ReadonlyMap<string, ts.Node>;
  readonly members: ReadonlyMap<string, ts.Node>;
}

function methodSource(method: ts.Node, scope: Scope): MethodSource {
  const throws = new Set<string>();
  const calls = new Set<string>();
  let contentType: string | undefined;
  const visited = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text.endsWith('Exception')
    )
      throws.add(node.expression.text);
    if (ts.isCallExpression(node)) {
      if (ts.isIdentifier(node.expression)) calls.add(node.expression.text);
      const helper = helperOf(node.expression, scope);
      if (helper && !visited.has(helper)) {
        visited.add(helper);
        visit(helper);
      }
      contentType ??= contentTypeSetBy(node);
    }
    ts.forEachChild(node, visit);
  };
  visited.add(method);
  // the body only: the decorators are read from the metadata they leave
  const body = ts.isMethodDeclaration(method) ? method.body : undefined;
  if (body) visit(body);
  return {
    comment: jsDocOf(method),
    throws: [...throws].sort(),
    calls: [...calls].sort(),
    contentType,
  };
}

// a function of the same file, or another method of the class, whose throws count as the caller's
function helperOf(callee: ts.Expression, scope: Scope): ts.Node | undefined {
  if (ts.isIdentifier(callee)) return scope.functions.get(callee.text);
  if (
    ts.isPropertyAccessExpression(callee) &&
    callee.expression.kind === ts.SyntaxKind.ThisKeyword &&
    ts.isIdentifier(callee.name)
  )
    return scope.members.get(callee.name.text);
  return undefined;
}

// response.setHeader('Content-Type', '...') in a handler that writes its own response
function contentTypeSetBy(call: ts.CallExpression): string | undefined {
  const [name, value] = call.arguments;
  if (
    ts.isPropertyAccessExpression(call.expression) &&
    ['setHeader', 'header', 'set', 'type'].includes(call.expression.name.text) &&
    name &&
    value &&
    ts.isStringLiteral(name) &&
    name.text.toLowerCase() === 'content-type' &&
    ts.isStringLiteral(value)
  )
    return value.text;
  return undefined;
}

function jsDocOf(node: ts.Node): string | undefined {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const last = docs?.at(-1);
  if (!last) return undefined;
  const text = ts
    .getTextOfJSDocComment(last.comment)
    ?.replace(/\s*\n\s*/g, ' ')
    .trim();
  return text || undefined;
}
