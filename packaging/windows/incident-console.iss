; Inno Setup 6 script: the Windows installer of the frozen incident-console.
;
; Build dist\incident-console\ first, on Windows, with the same spec as Linux:
;     py -3.11 packaging\build.py
; then compile this script (Inno Setup 6.2 or newer):
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\incident-console.iss
; which writes dist\incident-console-<version>-setup.exe: one file that installs from a USB
; stick with no Python and no network. See docs/install.md.

; The version comes from the build folder (the spec writes it from pyproject.toml), so it is
; declared once.
#define SourceDir AddBackslash(SourcePath) + "..\..\dist\incident-console"
#define VersionHandle FileOpen(SourceDir + "\VERSION")
#define AppVersion Trim(FileRead(VersionHandle))
#expr FileClose(VersionHandle)
#undef VersionHandle

[Setup]
AppId={{5B0E8C2A-6C1D-4F7E-9A51-3D2E7C4B9F10}
AppName=디지털재난 상황관리 콘솔 (Incident Console)
AppVersion={#AppVersion}
AppVerName=Incident Console {#AppVersion}
AppPublisher=Digital-disaster task force
DefaultDirName={autopf}\incident-console
DefaultGroupName=Incident Console
DisableProgramGroupPage=yes
; Installs per user without administrator rights (locked-down office PCs); an administrator
; may choose "for all users" in the dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#SourceDir}\..
OutputBaseFilename=incident-console-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app\incident-console.ico
UninstallDisplayIcon={app}\incident-console.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole one-folder build; the user's databases live elsewhere (the user data folder), so
; an upgrade or uninstall never touches them.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version's _internal\ must not keep libraries the old one had.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Incident Console"; Filename: "{app}\incident-console.exe"
Name: "{group}\Incident Console self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\incident-console-cli.exe"" self-test"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,Incident Console}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Incident Console"; Filename: "{app}\incident-console.exe"; Tasks: desktopicon

[Run]
Filename: "{cmd}"; Parameters: "/k ""{app}\incident-console-cli.exe"" self-test"; WorkingDir: "{userdocs}"; Description: "Run the self-test"; Flags: postinstall skipifsilent unchecked
Filename: "{app}\incident-console.exe"; Description: "{cm:LaunchProgram,Incident Console}"; Flags: postinstall skipifsilent nowait
