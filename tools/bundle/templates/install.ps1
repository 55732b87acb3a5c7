<#
.SYNOPSIS
Installs peerprep @VERSION@ (@TITLE@) from this folder, with no network.

.DESCRIPTION
Makes a private Python environment for peerprep in one folder, installs the wheels beside
this script into it (pip --no-index --require-hashes), and puts a `peerprep` command on
PATH. Run from an administrator's PowerShell it installs for every user of the computer
(C:\Program Files\peerprep); otherwise for the current user
(%LOCALAPPDATA%\Programs\peerprep). Upgrading is running a newer bundle's script: the old
version stays until the new one is installed and answers.

If no suitable Python is found and python.org's installer lies in the folder `python`
beside this script, it is run quietly first (for all users when installing for all).

.EXAMPLE
powershell -ExecutionPolicy Bypass -File install.ps1 -StartMenu -SharedComputer
#>
[CmdletBinding()]
param(
    # Machine: every user (needs administrator). User: only you. Auto: Machine when
    # this PowerShell runs as administrator.
    [ValidateSet('Auto', 'Machine', 'User')] [string] $Scope = 'Auto',
    # Install folder instead of the default.
    [string] $Prefix = '',
    # The python.exe to use instead of searching.
    [string] $Python = '',
    # Also put peerprep in the Start menu.
    [switch] $StartMenu,
    # Also turn shared-computer mode on for the whole computer (ProgramData\peerprep).
    [switch] $SharedComputer,
    # Remove what this script installed (people's preparations are left alone).
    [switch] $Uninstall
)

Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'

$Version = '@VERSION@'
$Pythons = @(@PYTHONS_PS@)
$WantedPlatform = '@SYSCONFIG@'
$Here = $PSScriptRoot

function Say([string] $Message) { Write-Host "peerprep: $Message" }
function Fail([string] $Message) { Write-Host "peerprep: $Message"; exit 1 }

function Test-Administrator {
    $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
    (New-Object Security.Principal.WindowsPrincipal $identity).IsInRole(
        [Security.Principal.WindowsBuiltInRole]::Administrator)
}

$IsAdmin = Test-Administrator
if ($Scope -eq 'Auto') { $Scope = if ($IsAdmin) { 'Machine' } else { 'User' } }
if ($Scope -eq 'Machine' -and -not $IsAdmin) {
    Fail 'installing for all users needs an administrator''s PowerShell ("Run as administrator"), or -Scope User.'
}
$ForAll = ($Scope -eq 'Machine')
if (-not $Prefix) {
    if ($ForAll) { $Prefix = Join-Path $env:ProgramFiles 'peerprep' }
    else { $Prefix = Join-Path $env:LOCALAPPDATA 'Programs\peerprep' }
}
$Bin = Join-Path $Prefix 'bin'
$Apps = Join-Path $Prefix 'app'
$Command = Join-Path $Bin 'peerprep.exe'
if ($ForAll) { $MenuFolder = Join-Path $env:ProgramData 'Microsoft\Windows\Start Menu\Programs' }
else { $MenuFolder = Join-Path $env:APPDATA 'Microsoft\Windows\Start Menu\Programs' }
$Shortcut = Join-Path $MenuFolder 'peerprep.lnk'
$SiteConf = Join-Path $env:ProgramData 'peerprep\peerprep.conf'

# --- PATH, read and written in the registry so that %VARIABLES% in it stay as they are ---

function Get-PathKey {
    if ($ForAll) {
        [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey(
            'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', $true)
    } else {
        [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey('Environment')
    }
}

function Send-EnvironmentChanged {
    # Tell Explorer (and new windows it starts) that PATH changed: WM_SETTINGCHANGE.
    if (-not ('PeerprepInstall.Native' -as [type])) {
        Add-Type -Namespace PeerprepInstall -Name Native -MemberDefinition @'
[DllImport("user32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
public static extern IntPtr SendMessageTimeout(IntPtr hWnd, uint Msg, UIntPtr wParam,
    string lParam, uint fuFlags, uint uTimeout, out UIntPtr lpdwResult);
'@
    }
    $result = [UIntPtr]::Zero
    [void][PeerprepInstall.Native]::SendMessageTimeout(
        [IntPtr]0xffff, 0x1A, [UIntPtr]::Zero, 'Environment', 2, 5000, [ref]$result)
}

function Set-OnPath([bool] $Present) {
    $key = Get-PathKey
    try {
        $old = [string]$key.GetValue('Path', '', 'DoNotExpandEnvironmentNames')
        $parts = @($old -split ';' | Where-Object { $_ -and ($_.TrimEnd('\') -ne $Bin.TrimEnd('\')) })
        if ($Present) { $parts += $Bin }
        $new = $parts -join ';'
        if ($new -ne $old) {
            $key.SetValue('Path', $new, [Microsoft.Win32.RegistryValueKind]::ExpandString)
            Send-EnvironmentChanged
        }
    } finally {
        $key.Close()
    }
}

# --- uninstall ------------------------------------------------------------------------

if ($Uninstall) {
    if (Test-Path $Shortcut) { Remove-Item -Force $Shortcut }
    Set-OnPath $false
    if (Test-Path $Prefix) { Remove-Item -Recurse -Force $Prefix }
    Say "removed peerprep from $Prefix."
    Say "people's own preparations and settings, and $SiteConf, are left as they are."
    exit 0
}

# --- a Python this bundle has wheels for ----------------------------------------------

function Invoke-Native {
    # Run a program; its messages go to the screen. PowerShell 5 would turn anything it
    # writes to stderr into an error under 'Stop', so this runs under 'Continue'.
    param([string] $Exe, [string[]] $Arguments)
    $ErrorActionPreference = 'Continue'
    & $Exe @Arguments | Out-Host
    return $LASTEXITCODE
}

function Get-PythonInfo([string] $Exe, [string[]] $Before = @()) {
    $probe = 'import sys, sysconfig; print("%d.%d" % sys.version_info[:2]); ' +
             'print(sysconfig.get_platform()); print(sys.executable); print(sys.base_prefix)'
    # Python writes UTF-8 and PowerShell reads UTF-8, so a path like C:\Users\Søren survives.
    $savedEncoding = [Console]::OutputEncoding
    $env:PYTHONIOENCODING = 'utf-8'
    try {
        $ErrorActionPreference = 'Continue'
        [Console]::OutputEncoding = [Text.Encoding]::UTF8
        $lines = @(& $Exe @Before -c $probe 2>$null)
    } catch {
        return $null
    } finally {
        [Console]::OutputEncoding = $savedEncoding
        Remove-Item Env:PYTHONIOENCODING -ErrorAction SilentlyContinue
    }
    if ($LASTEXITCODE -ne 0 -or $lines.Count -lt 4) { return $null }
    [pscustomobject]@{
        Version = $lines[0].Trim(); Platform = $lines[1].Trim()
        Executable = $lines[2].Trim(); BasePrefix = $lines[3].Trim()
    }
}

function Get-Candidates {
    $found = @()
    if ($Python) { return ,@(@(Get-PythonInfo $Python) | Where-Object { $_ }) }
    if (Get-Command py -ErrorAction SilentlyContinue) {
        foreach ($v in $Pythons) { $found += Get-PythonInfo 'py' @("-$v") }
    }
    foreach ($name in @('python', 'python3')) {
        # Where no Python is installed, Windows' stand-in python.exe only says so (with
        # arguments it does not open the Store) and the probe finds nothing.
        $cmd = Get-Command $name -CommandType Application -ErrorAction SilentlyContinue |
            Select-Object -First 1
        if ($cmd) { $found += Get-PythonInfo $cmd.Source }
    }
    foreach ($v in $Pythons) {
        $dir = 'Python' + $v.Replace('.', '')
        foreach ($root in @($env:ProgramFiles, (Join-Path $env:LOCALAPPDATA 'Programs\Python'))) {
            $exe = Join-Path $root "$dir\python.exe"
            if (Test-Path $exe) { $found += Get-PythonInfo $exe }
        }
    }
    return ,@($found | Where-Object { $_ })
}

function Test-ForEveryone($Info) {
    # A Python under one person's profile, or from the Microsoft Store (installed per
    # user), is not there for the next person who logs on.
    $base = $Info.BasePrefix
    -not ($base.StartsWith($env:USERPROFILE, [StringComparison]::OrdinalIgnoreCase) -or
          $base -like '*\WindowsApps\*')
}

function Find-Python {
    $script:Rejected = @()
    foreach ($info in (Get-Candidates)) {
        if ($Pythons -notcontains $info.Version) {
            $script:Rejected += "$($info.Executable) (Python $($info.Version))"
        } elseif ($info.Platform -ne $WantedPlatform) {
            $script:Rejected += "$($info.Executable) ($($info.Platform), this bundle is for $WantedPlatform)"
        } elseif ($ForAll -and -not (Test-ForEveryone $info)) {
            $script:Rejected += "$($info.Executable) (installed for one user only)"
        } else {
            return $info
        }
    }
    return $null
}

$Py = Find-Python
if (-not $Py) {
    $installer = Get-ChildItem -Path (Join-Path $Here 'python') -Filter 'python-*.exe' -ErrorAction SilentlyContinue |
        Select-Object -First 1
    if ($installer) {
        Say "no suitable Python on this computer: installing $($installer.Name) quietly"
        $allUsersFlag = if ($ForAll) { '1' } else { '0' }
        $process = Start-Process -FilePath $installer.FullName -Wait -PassThru -ArgumentList @(
            '/quiet', "InstallAllUsers=$allUsersFlag", 'PrependPath=0', 'Include_launcher=1',
            'Include_test=0', 'Shortcuts=0')
        if ($process.ExitCode -ne 0) { Fail "the Python installer stopped with code $($process.ExitCode)." }
        $Py = Find-Python
    }
}
if (-not $Py) {
    Say "this bundle needs Python $($Pythons[-1]) to $($Pythons[0]) for $WantedPlatform."
    foreach ($r in $script:Rejected) { Say "found, but not usable: $r" }
    $hint = if ($ForAll) { ' Choose "Install for all users" (Customize installation).' } else { '' }
    Fail "install Python from python.org (@INSTALLER_KIND@), then run this again.$hint"
}

$Lock = Join-Path $Here "locks\python-$($Py.Version).txt"
if (-not (Test-Path $Lock)) { Fail "this bundle has no wheels for Python $($Py.Version) ($Lock is missing)." }

# --- install into a new folder; switch the command over only when it works --------------

# A new folder, never the one in use.
$App = Join-Path $Apps ("$Version-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
Say "installing peerprep $Version for Python $($Py.Version) ($($Py.Executable)) into $App"
New-Item -ItemType Directory -Force -Path $Apps, $Bin | Out-Null
$ok = $false
try {
    if ((Invoke-Native $Py.Executable @('-m', 'venv', $App)) -ne 0) { Fail 'Python could not make its environment.' }
    $VenvPython = Join-Path $App 'Scripts\python.exe'
    $env:PIP_CONFIG_FILE = 'nul'  # this computer's pip settings play no part
    $pip = @('-m', 'pip', '--isolated', '--disable-pip-version-check', 'install', '--quiet',
             '--no-index', '--no-cache-dir', '--find-links', (Join-Path $Here 'wheels'),
             '--require-hashes', '-r', $Lock)
    if ((Invoke-Native $VenvPython $pip) -ne 0) {
        Fail "pip could not install from $(Join-Path $Here 'wheels') (see above); nothing was changed."
    }
    $answer = & (Join-Path $App 'Scripts\peerprep.exe') --version
    if ($LASTEXITCODE -ne 0) { Fail 'the new install does not start; nothing was changed.' }
    try {
        # The launcher names its Python by full path, so a copy works from bin\.
        Copy-Item -Force (Join-Path $App 'Scripts\peerprep.exe') $Command
    } catch {
        Fail "$Command is in use: close peerprep (every window) and run this again."
    }
    $ok = $true
} finally {
    if (-not $ok -and (Test-Path $App)) { Remove-Item -Recurse -Force $App -ErrorAction SilentlyContinue }
}
foreach ($old in Get-ChildItem -Directory $Apps | Where-Object { $_.FullName -ne $App }) {
    Remove-Item -Recurse -Force $old.FullName -ErrorAction SilentlyContinue
}
Set-OnPath $true
$env:Path = "$env:Path;$Bin"
Say "installed: $answer. Open a new window and type: peerprep"

if ($StartMenu) {
    $shell = New-Object -ComObject WScript.Shell
    $link = $shell.CreateShortcut($Shortcut)
    $link.TargetPath = $Command
    $link.WorkingDirectory = '%USERPROFILE%'
    $link.Description = 'Forbered et personligt statement til et møde'
    $link.Save()
    Say "Start menu: $Shortcut"
}

if ($SharedComputer) {
    if (-not $IsAdmin) { Fail "-SharedComputer writes $SiteConf and needs an administrator's PowerShell." }
    if (Test-Path $SiteConf) {
        Say "shared-computer mode: $SiteConf is already there; left as it is."
    } else {
        New-Item -ItemType Directory -Force -Path (Split-Path $SiteConf) | Out-Null
        $text = "# peerprep: shared-computer mode for everyone on this computer`r`nshared = yes`r`n"
        [IO.File]::WriteAllText($SiteConf, $text, (New-Object Text.UTF8Encoding $false))
        Say "shared-computer mode is on for this computer: $SiteConf"
    }
}
