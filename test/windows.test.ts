/** Recognising Windows Dockerfiles (src/core/windows.ts): no Linux shell rewrite may touch them. */
import { parseDockerfile } from '../src/core/model.js';
import { isWindowsImage, resolveGlobalArgs, runLooksWindows } from '../src/core/windows.js';

describe('Windows base images', () => {
  test.each([
    'mcr.microsoft.com/windows/servercore:ltsc2019',
    'mcr.microsoft.com/windows/nanoserver:ltsc2022',
    'mcr.microsoft.com/dotnet/framework/sdk:4.8',
    'example/app-windows:3',
    'sdk:4.7-windowsservercore-1709',
    'lang:1.8-nanoserver',
    'golang:1.22-windowsservercore-ltsc2022',
    'python:3.12-windowsservercore',
    'myregistry.local/base:ltsc2022',
    'microsoft/aspnet',
    'microsoft/iis:10.0',
    'mcr.microsoft.com/dotnet/framework/aspnet:4.8',
  ])('%s is Windows', (image) => expect(isWindowsImage(image)).toBe(true));

  test.each([
    'debian:bookworm',
    'mcr.microsoft.com/powershell:lts-ubuntu-22.04',
    'mcr.microsoft.com/dotnet/sdk:8.0',
    'ghcr.io/acme/window-cleaner:1',
    'microsoft/dotnet:2.1-sdk',
    'python:3.12-slim',
  ])('%s is not', (image) => expect(isWindowsImage(image)).toBe(false));
});

test('FROM ${BASE} is read through the global ARG default', () => {
  const args = new Map([['BASE', 'mcr.microsoft.com/windows/servercore:ltsc2019']]);
  expect(resolveGlobalArgs('${BASE}', args)).toBe('mcr.microsoft.com/windows/servercore:ltsc2019');
  expect(resolveGlobalArgs('$BASE', args)).toBe('mcr.microsoft.com/windows/servercore:ltsc2019');
  expect(resolveGlobalArgs('${OTHER:-debian:12}', args)).toBe('debian:12');
  expect(resolveGlobalArgs('${OTHER}', args)).toBe('${OTHER}');
  expect(parseDockerfile('ARG BASE=lang:1.8-nanoserver\nFROM ${BASE}\nRUN echo\n').windows).toBe(
    true,
  );
  // An ARG inside a stage is not what FROM lines see.
  expect(
    parseDockerfile('FROM debian\nARG BASE=lang:1.8-nanoserver\nFROM ${BASE}\nRUN echo\n').windows,
  ).toBe(false);
});

describe('RUNs that only Windows runs', () => {
  test.each([
    'setx /M PATH "%PATH%;C:\\tools"',
    'mkdir C:\\data',
    'choco install -y git',
    'msiexec /i app.msi /qn',
    'cmd /S /C echo hi',
  ])('%s', (text) => expect(runLooksWindows(text)).toBe(true));

  test.each(['echo a && make', 'pwsh -Command Get-Date', 'grep -c x file', 'cp a b/c'])(
    'not: %s',
    (text) => expect(runLooksWindows(text)).toBe(false),
  );
});
