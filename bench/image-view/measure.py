"""Drives the labeling app in headless Chromium: an image with POLYGONS polygons and the same
image with none, each opened in the image view, panned by mouse drags and zoomed by the wheel
while requestAnimationFrame records the frame times; then one click selects a polygon."""
import base64, json, math, statistics, struct, sys, time, urllib.request, uuid, zlib
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

base, user, password, polygons, work = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
SIZE, CELL = 2048, 64
COLUMNS = SIZE // CELL


def call(method, path, body=None, content_type="application/json"):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Authorization": auth, "Content-Type": content_type,
                                              "Accept": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


def png(width, height):
    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in ((x * 7) & 0xff, (y * 5) & 0xff, ((x ^ y) * 3) & 0xff))
                    for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))


def upload(slug, name, picture):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: image/png\r\n\r\n").encode() + picture + f"\r\n--{boundary}--\r\n".encode()
    return call("POST", f"/rest/labeler/events/{slug}/images", body, f"multipart/form-data; boundary={boundary}")


def polygon(i):
    """A 12-vertex irregular polygon in grid cell i (32 x 32 cells of 64 px)."""
    cx, cy = (i % COLUMNS) * CELL + CELL / 2, (i // COLUMNS) * CELL + CELL / 2
    ring = [[round(cx + (22 + 8 * math.sin(3 * k + i)) * math.cos(k * math.pi / 6)),
             round(cy + (22 + 8 * math.sin(3 * k + i)) * math.sin(k * math.pi / 6))] for k in range(12)]
    return ring + [ring[0]]


classes = ["building", "road", "water", "tree", "car"]
colours = ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00"]
slug = "bench-view"
call("POST", "/rest/labeler/events", {"slug": slug, "title": "Image view benchmark",
                                      "labelSchema": {"classes": [{"name": n, "colour": c} for n, c in zip(classes, colours)]}})
picture = png(SIZE, SIZE)
empty = upload(slug, "empty.png", picture)
busy = upload(slug, "busy.png", picture)
for start in range(0, polygons, 250):
    call("POST", f"/rest/labeler/events/{slug}/annotations/bulk", [
        {"imageId": busy["id"], "space": "pixel", "shape": "polygon", "class": classes[i % 5],
         "geometry": {"type": "Polygon", "coordinates": [polygon(i)]}} for i in range(start, min(polygons, start + 250))])

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-dev-shm-usage", "--window-size=1280,800"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 60, poll_frequency=0.01)
driver.get(base + "/labeler/")
wait.until(lambda d: d.find_elements(By.ID, "username"))
driver.find_element(By.ID, "username").send_keys(user)
driver.find_element(By.ID, "password").send_keys(password)
driver.find_element(By.CSS_SELECTOR, "#signin button[type=submit]").click()
wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "a[href^='#/events/']"))

AFTER_TWO_FRAMES = "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));"
RECORD = """window.__frames = []; window.__recording = true; let last = performance.now();
const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__recording) requestAnimationFrame(tick); };
requestAnimationFrame(tick);"""


def open_view(image, count):
    driver.execute_script("location.hash = '#/events';")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "a[href^='#/events/']"))
    start = time.perf_counter()
    driver.execute_script(f"location.hash = '#/events/{slug}/images/{image['id']}';")
    try:
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f"#map[data-saved='{count}']"))
    except Exception:
        driver.save_screenshot(f"{work}/failed.png")
        raise
    driver.execute_async_script(AFTER_TWO_FRAMES)
    return (time.perf_counter() - start) * 1000


def visible_map_centre():
    """The centre of the part of the map inside the window, in window coordinates."""
    return driver.execute_script("""window.scrollTo(0, 0);
const r = document.getElementById('map').getBoundingClientRect();
const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
return [Math.round((r.left + r.right) / 2), Math.round((top + bottom) / 2)];""")


def pan_and_zoom():
    driver.find_element(By.TAG_NAME, "body").send_keys("s")  # select tool: a drag pans instead of drawing a box
    x, y = visible_map_centre()
    driver.execute_script(RECORD)
    for direction in (1, -1, 1, -1):
        actions = ActionChains(driver, duration=16)
        actions.w3c_actions.pointer_action.move_to_location(x - 200 * direction, y - 100 * direction)
        actions.click_and_hold()
        for _ in range(40):
            actions.move_by_offset(10 * direction, 5 * direction)
        actions.release().perform()
    for delta in (-300, -300, 300, 300, -300, 300):
        ActionChains(driver).scroll_from_origin(ScrollOrigin.from_viewport(x, y), 0, delta).perform()
        time.sleep(0.4)
    return driver.execute_script("window.__recording = false; return window.__frames;")[2:]


CLICK_TIMER = """const map = document.getElementById('map');
window.__click = {};
map.addEventListener('pointerdown', () => { window.__click.down = performance.now(); }, { capture: true, once: true });
new MutationObserver((changes, observer) => {
  if (map.dataset.selected === '1') { window.__click.selected = performance.now(); observer.disconnect(); }
}).observe(map, { attributes: true, attributeFilter: ['data-selected'] });"""


def select_one():
    """Clicks the middle of polygon 495 (cell 15, 15): the time from the pointer going down to the
    view saying it is selected, measured in the page."""
    driver.execute_script("window.scrollTo(0, 0);")
    rect = driver.execute_script("return document.getElementById('map').getBoundingClientRect().toJSON();")
    resolution = max(SIZE / (rect["width"] - 20), SIZE / (rect["height"] - 20))  # the view fits the image, 10 px padding
    x = (15 * CELL + CELL / 2 - SIZE / 2) / resolution
    y = (15 * CELL + CELL / 2 - SIZE / 2) / resolution
    driver.find_element(By.TAG_NAME, "body").send_keys("s")
    driver.execute_script(CLICK_TIMER)
    actions = ActionChains(driver)
    actions.w3c_actions.pointer_action.move_to_location(round(rect["left"] + rect["width"] / 2 + x),
                                                        round(rect["top"] + rect["height"] / 2 + y))
    actions.click().perform()
    wait.until(lambda d: d.execute_script("return window.__click.selected !== undefined;"))
    return driver.execute_script("return window.__click.selected - window.__click.down;")


def describe(frames):
    ordered = sorted(frames)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    slow = sum(1 for f in frames if f > 50) / len(frames) * 100
    return statistics.median(frames), p95, max(frames), slow


results = {}
for name, image, count in (("0 polygons", empty, 0), (f"{polygons} polygons", busy, polygons)):
    loads = [open_view(image, count) for _ in range(3)]
    frames = pan_and_zoom()
    results[name] = (statistics.median(loads), describe(frames), len(frames))
open_view(busy, polygons)
clicks = []
for _ in range(3):
    clicks.append(select_one())
    driver.find_element(By.TAG_NAME, "body").send_keys("s")  # the select tool again clears the selection
driver.save_screenshot(f"{work}/image-view-{polygons}.png")
driver.quit()

print(f"image view in headless Chromium (software rendering, 1280x800), 2048 x 2048 image")
for name, (load, (median, p95, worst, slow), n) in results.items():
    print(f"  {name:>14}: opened in {load:6.0f} ms (median of 3); pan and wheel zoom, {n} frames: "
          f"median {median:5.1f} ms, 95th percentile {p95:5.1f} ms, worst {worst:6.1f} ms, {slow:4.1f} % over 50 ms")
ratio = results[f"{polygons} polygons"][1][1] / results["0 polygons"][1][1]
print(f"  95th percentile frame time, {polygons} polygons / none: {ratio:.2f} (budget for 60 fps: 16.7 ms)")
print(f"  click to selected polygon among {polygons} (pointer down to selection, in the page): median {statistics.median(clicks):.0f} ms of 3")
