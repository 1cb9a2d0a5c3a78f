/** Go's own naming of executables (src/packages/go-naming.ts), as `go help build/install` state it. */
import { builtName, executableName, installDir, modulePathOf } from '../src/packages/go-naming.js';

test.each([
  ['example.com/hello', 'hello'],
  ['example.com/tool/v2', 'tool'],
  ['github.com/x/linter/cmd/golint/v3@v3.1.0', 'golint'],
  ['example.com/cmd/api@latest', 'api'],
  ['v2', null],
  ['example.com/...', null],
])('executableName(%s) = %s', (path, name) => expect(executableName(path)).toBe(name));

test.each([
  [[], 'example.com/hello', 'hello'],
  [[], null, null],
  [['.'], 'example.com/svc/v2', 'svc'],
  [['./cmd/api'], null, 'api'],
  [['./cmd/api/v2'], null, 'api'],
  [['./v2'], null, null],
  [['./v2'], 'example.com/tool', 'tool'],
  [['main.go', 'util.go'], null, 'main'],
  [['./cmd/a', './cmd/b'], 'example.com/x', null],
  [['./...'], 'example.com/x', null],
  [['../other'], 'example.com/x', null],
  [['example.com/tools/cmd/gen@v1'], null, 'gen'],
])('builtName(%j, %s) = %s', (packages, module, name) =>
  expect(builtName(packages, module)).toBe(name),
);

test('modulePathOf reads the module line', () => {
  expect(modulePathOf('// x\nmodule example.com/a/v2\n\ngo 1.22\n')).toBe('example.com/a/v2');
  expect(modulePathOf('module "example.com/q"\n')).toBe('example.com/q');
  expect(modulePathOf('go 1.22\n')).toBeNull();
});

test('installDir: $GOBIN, else the first $GOPATH entry, else the image or home default', () => {
  const env = { gobin: null, gopath: null, imageGopath: null, crossCompiles: false, home: null };
  expect(installDir({ ...env, gobin: '/usr/local/bin' })).toBe('/usr/local/bin');
  expect(installDir({ ...env, gobin: 'bin' })).toBeNull();
  expect(installDir({ ...env, gopath: '/work:/other' })).toBe('/work/bin');
  expect(installDir({ ...env, imageGopath: '/go' })).toBe('/go/bin');
  expect(installDir({ ...env, home: '/root' })).toBe('/root/go/bin');
  expect(installDir({ ...env, imageGopath: '/go', crossCompiles: true })).toBeNull();
  expect(installDir(env)).toBeNull();
});
