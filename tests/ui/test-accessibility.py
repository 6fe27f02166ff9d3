#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""test-accessibility.py — Dossier's window as assistive technologies see it.

Runs the application on a project built here (dossier-cli), reads its
accessibility tree through AT-SPI (python3-pyatspi, the accessibility bus of
at-spi2-core) and presses keys as a keyboard user does (through the AT-SPI
registry, which sends them to the X server). Checks:

  * every button, toggle, menu button, list row and tab that shows has a
    name, neither empty, nor a GTK class name ("GtkMenuButton"), nor a
    mnemonic label read twice ("_Cancel Cancel");
  * the codebook is a tree: a tree table whose rows have a level, and whose
    parent tags are expandable and expanded;
  * drop-downs tell their value;
  * after a codebook row's menu is opened with the Menu key and closed with
    Escape, the focus is back on that row, and F6 moves it on;
  * a list is one Tab stop: Tab on a codebook row leaves the codebook;
  * a toast is read out (an alert that shows with its text).

Usage: test-accessibility.py DOSSIER DOSSIER-CLI (under xvfb-run and
dbus-run-session, as the ui suite runs). A missing tool is a failure.
"""

import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError as error:
    print("Bail out! python3-pyatspi is needed (tools/install-deps.sh installs it): %s" % error)
    sys.exit(1)

ARTICLE = """Harbour ferry fares to rise

The council voted on Tuesday to raise ferry fares by ten percent from May.

Supporters say the money pays for two new boats with quieter engines.
Critics warn that commuters on low wages will pay the most.
"""

GTK_CLASS = re.compile(r"^(Gtk|Adw|Dossier)[A-Z][A-Za-z]*$")
# "_Cancel Cancel": a label with its mnemonic, then its text again.
MNEMONIC_TWICE = re.compile(r"(^|\s)_\w")

NAMED_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_TABLE_ROW,
    pyatspi.ROLE_TREE_ITEM,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_TREE_TABLE,
}

failures = []


def fail(message):
    failures.append(message)
    print("not ok - %s" % message)


def check(condition, message):
    if condition:
        print("ok - %s" % message)
    else:
        fail(message)
    return condition


def wait_for(what, condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = condition()
        except Exception:  # the tree changes under our feet
            result = None
        if result:
            return result
        time.sleep(0.1)
    print("Bail out! timed out waiting for %s" % what)
    raise SystemExit(1)


def eventually(condition, timeout=15.0):
    """@condition's first true value within @timeout seconds, else None:
    what a key does reaches the tree after the X server, GTK and the
    accessibility bus have passed it on, later under load."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = condition()
        except Exception:
            result = None
        if result or time.monotonic() >= deadline:
            return result
        time.sleep(0.1)


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def children(accessible):
    for i in range(accessible.childCount):
        try:
            child = accessible.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield child


def walk(accessible, depth=0):
    yield accessible, depth
    if depth > 80:
        return
    for child in children(accessible):
        yield from walk(child, depth + 1)


def showing(accessible):
    """On screen: GTK 4.8 marks only windows "showing"; what is not mapped
    has no extent."""
    if not accessible.getState().contains(pyatspi.STATE_VISIBLE):
        return False
    try:
        extents = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except NotImplementedError:
        return False
    return extents.width > 0 and extents.height > 0


def path_of(accessible):
    parts = []
    while accessible is not None and len(parts) < 6:
        parts.append("%s %r" % (accessible.getRoleName(), accessible.name))
        accessible = accessible.parent
    return " < ".join(parts)


def ancestors(accessible):
    while accessible is not None:
        yield accessible
        accessible = accessible.parent


def attributes(accessible):
    result = {}
    for pair in accessible.getAttributes():
        key, _, value = pair.partition(":")
        result[key] = value
    return result


def find(root, predicate):
    for accessible, _ in walk(root):
        try:
            if predicate(accessible):
                return accessible
        except Exception:
            pass
    return None


def focused(root):
    return find(root, lambda a: a.getState().contains(pyatspi.STATE_FOCUSED) and showing(a))


def press(key):
    """A key pressed on the keyboard (XTest), where the focus is."""
    subprocess.run(["xdotool", "key", key], check=True)
    time.sleep(0.4)


def click(x_window, accessible):
    """A click in the middle of @accessible, in X window @x_window."""
    extents = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    subprocess.run(["xdotool", "mousemove", "--window", x_window,
                    str(extents.x + extents.width // 2), str(extents.y + extents.height // 2),
                    "click", "1"], check=True)
    time.sleep(0.4)


def main():
    if len(sys.argv) != 3:
        print("Bail out! usage: test-accessibility.py DOSSIER DOSSIER-CLI")
        return 1
    app_path, cli = sys.argv[1], sys.argv[2]
    for tool in ("xdotool",):
        if shutil.which(tool) is None:
            print("Bail out! %s is needed (tools/install-deps.sh installs it)" % tool)
            return 1
    if not os.environ.get("DISPLAY"):
        print("Bail out! no X display: run under xvfb-run and dbus-run-session")
        return 1

    # Hold a connection to the X server for the whole test: when its last
    # client goes (the accessibility library reads the bus address off the
    # root window and closes its connection) the server resets, and a client
    # connecting just then is refused ("cannot open display").
    try:
        xlib = ctypes.CDLL("libX11.so.6")
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        display_held = xlib.XOpenDisplay(None)
    except OSError:
        display_held = None
    if not display_held:
        print("Bail out! cannot open the X display %s" % os.environ.get("DISPLAY"))
        return 1

    work = tempfile.mkdtemp(prefix="dossier-a11y-")
    app = None
    try:
        project = os.path.join(work, "Ferries.dossier")
        article = os.path.join(work, "ferries.txt")
        with open(article, "w", encoding="utf-8") as f:
            f.write(ARTICLE)
        run(cli, "new", project, "--title", "Ferry Fares")
        run(cli, "import", project, article)
        run(cli, "tag-add", project, "Sides")
        run(cli, "tag-add", project, "Supporters", "--parent", "Sides")
        run(cli, "tag-add", project, "Critics", "--parent", "Sides")
        run(cli, "tag-add", project, "Costs")
        start = ARTICLE.index("raise ferry fares")
        run(cli, "highlight", project, "1", str(start), str(start + len("raise ferry fares")),
            "--tag", "Costs")

        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env.pop("GTK_A11Y", None)
        env["HOME"] = work
        env["XDG_DATA_HOME"] = os.path.join(work, "data")
        env["XDG_CONFIG_HOME"] = os.path.join(work, "config")
        env["XDG_STATE_HOME"] = os.path.join(work, "state")
        env["G_DEBUG"] = ""
        app = subprocess.Popen([app_path, project], env=env,
                               stdout=subprocess.DEVNULL)

        def find_app():
            desktop = pyatspi.Registry.getDesktop(0)
            for a in children(desktop):
                if a.name == os.path.basename(app_path) or a.get_process_id() == app.pid:
                    return a
            return None

        root = wait_for("the application on the accessibility bus", find_app)
        window = wait_for("its window", lambda: next(
            (w for w in children(root) if w.getRole() == pyatspi.ROLE_FRAME and "Ferry Fares" in w.name),
            None))
        tags = wait_for("the codebook's tags", lambda: find(
            window, lambda a: a.name == "Tags" and a.childCount >= 4 and showing(a)))

        # ---- Names -------------------------------------------------------------
        unnamed = []
        for accessible, _ in walk(window):
            try:
                if accessible.getRole() not in NAMED_ROLES or not showing(accessible):
                    continue
                name = accessible.name or ""
            except Exception:
                continue
            if (not name.strip() or GTK_CLASS.match(name) or MNEMONIC_TWICE.search(name)):
                unnamed.append(path_of(accessible))
        check(not unnamed, "everything that shows has a name (%d without: %s)"
              % (len(unnamed), "; ".join(unnamed[:12])))

        # ---- The codebook as a tree -------------------------------------------
        check(tags.getRole() == pyatspi.ROLE_TREE_TABLE,
              "the codebook is a tree table (it is a %s)" % tags.getRoleName())
        rows = {}
        for item in children(tags):
            for accessible, _ in walk(item):
                if accessible.getRole() in (pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_TREE_ITEM) and accessible.name:
                    rows[accessible.name] = accessible
                    break
        check(set(rows) >= {"Sides", "Supporters", "Critics", "Costs"},
              "each tag is a row named after it (rows: %s)" % sorted(rows))
        # GTK 4.8 does not pass the level property on: the description says it.
        def level(row):
            found = re.search(r"[Ll]evel (\d+)", row.description or "")
            return attributes(row).get("level") or (found.group(1) if found else None)
        levels = {name: level(row) for name, row in rows.items()}
        check(levels.get("Sides") == "1" and levels.get("Supporters") == "2" and levels.get("Costs") == "1",
              "rows have their level in the tree (%s)" % levels)
        sides = rows.get("Sides")
        if sides is not None:
            states = sides.getState()
            check(states.contains(pyatspi.STATE_EXPANDABLE) and states.contains(pyatspi.STATE_EXPANDED),
                  "a tag with sub-tags is expandable and expanded, on its row")
        costs = rows.get("Costs")
        if costs is not None:
            check(not costs.getState().contains(pyatspi.STATE_EXPANDABLE),
                  "a tag without sub-tags is not expandable")

        # ---- Drop-downs tell their value -------------------------------------------
        for combo, _ in walk(window):
            try:
                if combo.getRole() != pyatspi.ROLE_COMBO_BOX or not showing(combo):
                    continue
            except Exception:
                continue
            check(bool(combo.description), "the drop-down %r tells its value" % combo.name)

        # ---- Focus after a menu -----------------------------------------------------
        # The main window by its title: the application's last visible X
        # window may be a tooltip's (one shows when the pointer was left
        # over a document's row where the window opened), and a click
        # placed in it lands elsewhere.
        x_window = wait_for("the window on the X server", lambda: subprocess.run(
            ["xdotool", "search", "--all", "--onlyvisible", "--pid", str(app.pid), "--name", "Ferry Fares"],
            stdout=subprocess.PIPE, text=True).stdout.split()[-1])
        # The list item around the row is what takes the focus.
        target = rows.get("Critics").parent if "Critics" in rows else None
        check(target is not None, "the codebook lists Critics")
        if target is not None:
            click(x_window, target)
            wait_for("the focus on Critics' row", lambda: focused(window) is not None and
                     "Critics" in (focused(window).name or ""))
            press("Menu")
            menu = wait_for("the tag's menu", lambda: find(
                root, lambda a: a.getRole() in (pyatspi.ROLE_MENU, pyatspi.ROLE_POPUP_MENU, pyatspi.ROLE_MENU_ITEM)
                and showing(a)))
            check(menu is not None, "the Menu key opens the tag's menu")
            press("Escape")
            now = eventually(lambda: (lambda f: f if f is not None and "Critics" in (f.name or "") else None)(
                focused(window)))
            now = now or focused(window)
            check(now is not None and "Critics" in (now.name or ""),
                  "Escape gives the focus back to the row (it is on %s)"
                  % (path_of(now) if now is not None else "nothing"))
            press("F6")
            now = eventually(lambda: (lambda f: f if f is not None and "Critics" not in (f.name or "") else None)(
                focused(window)))
            check(now is not None and showing(now) and now.getRole() != pyatspi.ROLE_SPLIT_PANE,
                  "F6 then moves the focus somewhere that shows (%s)"
                  % (path_of(now) if now is not None else "nothing"))

        # ---- A list is one Tab stop ------------------------------------------------
        if target is not None:
            click(x_window, target)
            wait_for("the focus on Critics' row again", lambda: focused(window) is not None and
                     "Critics" in (focused(window).name or ""))
            press("Tab")
            now = eventually(lambda: (lambda f: f if f is not None and "Critics" not in (f.name or "") else None)(
                focused(window)))
            check(now is not None and not any(a is tags or a == tags for a in ancestors(now)),
                  "Tab on a codebook row leaves the codebook (the focus is on %s)"
                  % (path_of(now) if now is not None else "nothing"))

        # ---- A toast is read out ----------------------------------------------------
        # Deleting a tag (Delete on its row) shows a toast with Undo.
        if target is not None:
            click(x_window, target)
            wait_for("the focus on Critics' row again", lambda: focused(window) is not None and
                     "Critics" in (focused(window).name or ""))
            # The live region is always in the tree: found before the toast,
            # then only its name is read, so the check takes a D-Bus call, not a
            # walk of the whole window that can outlast the toast under load.
            regions = [a for a, _ in walk(window)
                       if a.getRole() in (pyatspi.ROLE_ALERT, pyatspi.ROLE_NOTIFICATION)]
            check(len(regions) > 0, "the window has a live region for toasts (%d)" % len(regions))
            press("Delete")
            alert = wait_for("an alert with the toast's text", lambda: next(
                (a for a in regions if "Critics" in (a.name or "") and showing(a)), None), timeout=30)
            check(alert is not None, "the toast is an alert that shows: %r" % alert.name)
            close = find(window, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON and showing(a)
                         and a.name in ("Close", "Dismiss"))
            check(close is not None, "the toast's close button has a name")
    finally:
        if app is not None:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        shutil.rmtree(work, ignore_errors=True)

    if failures:
        print("# %d failure(s)" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
