# Build the Windows one-folder bundle of HBM Assess, check it with --smoke, and zip it.
#
# Run from a clone, in PowerShell, on a Windows 10/11 machine with Python 3.11 or newer
# (python.org installer, "py" launcher):
#     powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
# Result: dist\hbm-assess\hbm-assess.exe and dist\hbm-assess-<version>-windows-x64.zip
#
# Signing is NOT done here (step 5 below says where it goes): see "Signing" in packaging\README.md.
param(
    [string]$Python = "py -3.11",   # the Python the build venv is made from
    [switch]$KeepVenv               # reuse .venv-bundle from an earlier build instead of starting clean
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked([string]$What, [scriptblock]$Block) {
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "build-windows.ps1: $What failed (exit code $LASTEXITCODE)" }
}

# 1. A venv of its own, so nothing from another project ends up in the bundle.
$Venv = Join-Path $Root ".venv-bundle"
if ((Test-Path $Venv) -and -not $KeepVenv) { Remove-Item -Recurse -Force $Venv }
if (-not (Test-Path $Venv)) {
    $exe, $rest = $Python.Split(" ")
    Invoke-Checked "creating the venv" { & $exe @rest -m venv $Venv }
}
$VenvPython = Join-Path $Venv "Scripts\python.exe"

# 2. The app and PyInstaller (the [bundle] extra in pyproject.toml). Not editable: the bundle is
#    built from the installed package, as a user's pip install would be.
Invoke-Checked "upgrading pip" { & $VenvPython -m pip install --quiet --upgrade pip }
Invoke-Checked "installing the app" { & $VenvPython -m pip install --quiet ".[bundle]" }

# 3. PyInstaller, one folder, from the same spec as the Linux build.
$Dist = Join-Path $Root "dist"
$Work = Join-Path $Root "build"
Invoke-Checked "PyInstaller" {
    & $VenvPython -m PyInstaller --noconfirm --clean --log-level WARN --distpath $Dist --workpath $Work `
        packaging\hbm-assess.spec
}
$Bundle = Join-Path $Dist "hbm-assess"
$Program = Join-Path $Bundle "hbm-assess.exe"
if (-not (Test-Path $Program)) { throw "build-windows.ps1: $Program was not built" }

# 4. Run --smoke from the result, with the venv out of the way (no PATH entry, no PYTHONPATH),
#    so a missing data file or hidden import shows here and not on a field laptop.
$SavedPath, $SavedPythonPath = $env:PATH, $env:PYTHONPATH
try {
    $env:PATH = "$env:SystemRoot\System32;$env:SystemRoot"
    Remove-Item Env:PYTHONPATH -ErrorAction SilentlyContinue
    & $Program --smoke
    $SmokeExit = $LASTEXITCODE
} finally {
    $env:PATH = $SavedPath
    if ($SavedPythonPath) { $env:PYTHONPATH = $SavedPythonPath }
}
if ($SmokeExit -ne 0) { throw "build-windows.ps1: hbm-assess.exe --smoke failed (exit code $SmokeExit); see the FAIL line above" }

# 5. Signing goes here, between the smoke check and the zip. This script does not sign: whoever holds
#    the office's OV code-signing certificate signs dist\hbm-assess\hbm-assess.exe, e.g.
#      signtool sign /fd SHA256 /tr <the CA's timestamp URL> /td SHA256 /a dist\hbm-assess\hbm-assess.exe
#    and makes the zip again with the Compress-Archive line of step 6.

# 6. Zip the folder, named after the version the app reports.
$Version = (& $VenvPython -c "import hbm_assess; print(hbm_assess.__version__)").Trim()
$Zip = Join-Path $Dist "hbm-assess-$Version-windows-x64.zip"
if (Test-Path $Zip) { Remove-Item -Force $Zip }
Compress-Archive -Path $Bundle -DestinationPath $Zip -CompressionLevel Optimal

$FolderMB = [math]::Round(((Get-ChildItem -Recurse -File $Bundle | Measure-Object -Sum Length).Sum) / 1MB)
$ZipMB = [math]::Round((Get-Item $Zip).Length / 1MB)
Write-Host "Built $Bundle ($FolderMB MB) and $Zip ($ZipMB MB; the goal is under 150 MB)."
if ($ZipMB -ge 150) { Write-Warning "the zip is $ZipMB MB, over the 150 MB goal: check what packaging\hbm-assess.spec lets in" }
