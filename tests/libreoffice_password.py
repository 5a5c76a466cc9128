"""Open a password-protected workbook in LibreOffice, headless, and save it without the password.

`soffice --convert-to` has no way to give a document's password (LibreOffice 7.4), so this
script, run by the system's python3 (Debian's python3-uno), starts LibreOffice listening
on a private pipe, loads the file through UNO with the password, as a person typing it
would, and stores it as a plain .xlsx. Exit 0: written; 3: LibreOffice refused the password.

usage: python3 libreoffice_password.py SOFFICE PROFILE_DIR INPUT OUTPUT PASSWORD_FILE
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.lang import IllegalArgumentException


def prop(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def main(soffice, profile, source, target, password_file):
    password = Path(password_file).read_text(encoding="utf-8").splitlines()[0]
    pipe = f"hbm{uuid.uuid4().hex[:12]}"
    desktop = None
    office = subprocess.Popen([soffice, f"-env:UserInstallation={Path(profile).resolve().as_uri()}", "--headless",
                               "--invisible", "--norestore", "--nologo", "--nodefault",
                               f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 120
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or office.poll() is not None:
                    raise
                time.sleep(0.5)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        url = uno.systemPathToFileUrl(os.path.abspath(source))
        try:
            document = desktop.loadComponentFromURL(url, "_blank", 0,
                                                    (prop("Hidden", True), prop("Password", password)))
        except IllegalArgumentException:  # a wrong password: "type detection aborted"
            document = None
        if document is None:
            return 3
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)),
                            (prop("FilterName", "Calc MS Excel 2007 XML"),))
        document.close(True)
        return 0
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:  # not connected yet, or the bridge went down as LibreOffice quit
            pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
