<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplicantPanel</name>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="29"/>
        <location filename="../../clerk_station/applicant_panel.py" line="92"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="33"/>
        <location filename="../../clerk_station/applicant_panel.py" line="112"/>
        <source>Place the applicant&apos;s ID card on the reader</source>
        <translation>请将申请人身份证放在阅读器上</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="41"/>
        <source>Show number</source>
        <translation>显示完整号码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/applicant_panel.py" line="44"/>
        <source>Shows the full ID number for %n seconds</source>
        <translation>
            <numerusform>显示完整证件号码 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="56"/>
        <source>18-character unified social credit code</source>
        <translation>18位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="63"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="64"/>
        <source>Company name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="73"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="74"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="90"/>
        <source>Applicant company and representative</source>
        <translation>申请单位及经办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="97"/>
        <source>ID card read</source>
        <translation>已读取身份证</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="58"/>
        <source>Document camera preview</source>
        <translation>高拍仪预览</translation>
    </message>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="106"/>
        <source>Camera unavailable</source>
        <translation>高拍仪不可用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="114"/>
        <source>Waiting for camera…</source>
        <translation>正在等待高拍仪画面…</translation>
    </message>
</context>
<context>
    <name>CaptureController</name>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="43"/>
        <source>Capture page</source>
        <translation>拍摄本页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="46"/>
        <source>Remove last page</source>
        <translation>删除最后一页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="48"/>
        <source>Auto capture when the page is still</source>
        <translation>页面放稳后自动拍摄</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="89"/>
        <source>The camera has not delivered a picture yet</source>
        <translation>高拍仪尚未传回画面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="93"/>
        <source>Processing…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="123"/>
        <source>Camera: page detected</source>
        <translation>高拍仪：已识别页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="125"/>
        <source>Camera: no page in view</source>
        <translation>高拍仪：未检测到页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="129"/>
        <source>Camera: %1</source>
        <translation>高拍仪：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="148"/>
        <source>Page saved (%1×%2)</source>
        <translation>已保存本页（%1×%2）</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="51"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="58"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="67"/>
        <source>Choose a page</source>
        <translation>请选择页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="81"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="82"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="83"/>
        <source>Department&apos;s note</source>
        <translation>部门意见</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="84"/>
        <source>Materials requested</source>
        <translation>要求补正的材料</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="94"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="94"/>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="94"/>
        <source>Clerk</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="99"/>
        <source>Pages</source>
        <translation>材料页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="100"/>
        <source>Status history</source>
        <translation>办理进度</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="101"/>
        <source>Documents printed</source>
        <translation>已打印文书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="106"/>
        <source>Reprint receipt</source>
        <translation>补打回执</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="107"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="129"/>
        <source>Applicant %1 %2 · accepted %3 by %4 · platform case %5</source>
        <translation>申请人 %1 %2 · %3 由 %4 受理 · 平台办件号 %5</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="138"/>
        <source>%1 — page %2</source>
        <translation>%1 — 第%2页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="143"/>
        <source> (image removed after retention)</source>
        <translation>（图像已按保存期限清除）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="159"/>
        <source>This case could not be opened.</source>
        <translation>无法打开该办件。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="167"/>
        <source>The image was removed after delivery (retention).</source>
        <translation>该图像在上报后已按保存期限清除。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="184"/>
        <source>This page is not an image.</source>
        <translation>该页面不是图像。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="187"/>
        <source>The page could not be read.</source>
        <translation>无法读取该页面。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="198"/>
        <source>Receipt printed again.</source>
        <translation>回执已补打。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="211"/>
        <source>the printer did not answer</source>
        <translation>打印机无响应</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="212"/>
        <source>Reprint failed: %1</source>
        <translation>补打失败：%1</translation>
    </message>
</context>
<context>
    <name>CaseListDialog</name>
    <message>
        <location filename="../../clerk_station/case_list.py" line="210"/>
        <source>Cases accepted at this window</source>
        <translation>本窗口受理的办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="218"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="219"/>
        <source>Not yet delivered</source>
        <translation>尚未上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="220"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="221"/>
        <source>Delivered</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="235"/>
        <source>Send again</source>
        <translation>重新上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="237"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="239"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../clerk_station/case_list.py" line="134"/>
        <source>Receipt</source>
        <extracomment>a refresh reloads what the clerk has scrolled through, up to this many rows, so a sync event does not yank the list back to the top (nor reread a huge list each time) the cursor of the page being fetched (one at a time), None when idle</extracomment>
        <translation>回执编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="135"/>
        <source>Item</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="136"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="137"/>
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="138"/>
        <source>Upload</source>
        <translation>上报状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="139"/>
        <source>Platform status</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="140"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="141"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="146"/>
        <source>Waiting to upload</source>
        <translation>待上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="147"/>
        <source>Uploading</source>
        <translation>上报中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="148"/>
        <source>Will retry</source>
        <translation>稍后重试</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="149"/>
        <source>Delivered</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="150"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
</context>
<context>
    <name>ClerkDayBar</name>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="46"/>
        <source>Clerk&apos;s day</source>
        <translation>窗口工作</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="57"/>
        <location filename="../../clerk_station/clerk_day_bar.py" line="63"/>
        <source>Queue no.</source>
        <translation>排队号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="61"/>
        <source>The hall&apos;s queue number for this applicant (Ctrl+Q)</source>
        <translation>本申请人的大厅排队号（Ctrl+Q）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="69"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="75"/>
        <source>Case ledger</source>
        <translation>办件台账</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="77"/>
        <source>Efficiency</source>
        <translation>效能</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="80"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="82"/>
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="83"/>
        <source>Change PIN</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="84"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="119"/>
        <source>Called the next applicant %1</source>
        <translation>已叫号 %1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="126"/>
        <source>The queuing system did not answer. Call the next applicant by voice.</source>
        <translation>排队叫号系统无响应，请口头叫号。</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../clerk_station/main_window.py" line="75"/>
        <source>Yiwang Window — Clerk Station %1</source>
        <translation>一网窗口 — 窗口受理终端 %1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="79"/>
        <location filename="../../clerk_station/main_window.py" line="268"/>
        <source>Choose a service item on the left</source>
        <translation>请在左侧选择办理事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="87"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="90"/>
        <source>Print notice of missing materials</source>
        <translation>打印一次性告知书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="125"/>
        <source>ID reader: waiting</source>
        <translation>身份证阅读器：等待中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="127"/>
        <source>Camera: starting</source>
        <translation>高拍仪：启动中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="187"/>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="192"/>
        <source>New applicant</source>
        <translation>新办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="196"/>
        <source>Cases</source>
        <translation>办件查询</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/main_window.py" line="275"/>
        <source>%1 · %2 · within %n working day(s)</source>
        <translation>
            <numerusform>%1 · %2 · 承诺时限 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="215"/>
        <source>ID reader: card read</source>
        <translation>身份证阅读器：已读卡</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="219"/>
        <source>ID reader: ready</source>
        <translation>身份证阅读器：就绪</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="222"/>
        <source>ID reader: %1</source>
        <translation>身份证阅读器：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="290"/>
        <source>Applicant not identified</source>
        <translation>尚未识别申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="293"/>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/main_window.py" line="295"/>
        <source>Complete: %n page(s) captured</source>
        <translation>
            <numerusform>材料齐全：已采集 %n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../../clerk_station/demo_panel.py" line="25"/>
        <source>Simulated devices (demo)</source>
        <translation>模拟设备（演示）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/demo_panel.py" line="33"/>
        <source>Place ID card</source>
        <translation>放置身份证</translation>
    </message>
    <message>
        <location filename="../../clerk_station/demo_panel.py" line="35"/>
        <source>Lift card</source>
        <translation>取走身份证</translation>
    </message>
    <message>
        <location filename="../../clerk_station/demo_panel.py" line="44"/>
        <source>The camera shows the material selected in the checklist.</source>
        <translation>高拍仪显示材料清单中选中的材料。</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="38"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="39"/>
        <source>Choose each device and prove it works before finishing.</source>
        <translation>请选择每台设备，并在完成前逐一测试。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="52"/>
        <source>Read a card</source>
        <translation>读卡测试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="53"/>
        <source>Show the camera</source>
        <translation>显示画面</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="54"/>
        <source>Print a test receipt</source>
        <translation>打印测试回执</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="55"/>
        <source>Listen for a code</source>
        <translation>扫码测试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="81"/>
        <source>keyboard scanner: scan a code into this field</source>
        <translation>键盘模式扫码枪：请在此框内扫码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="124"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="128"/>
        <source>Test failed</source>
        <translation>测试失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="134"/>
        <source>Card read:</source>
        <translation>读卡成功：</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="138"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="147"/>
        <source>Camera unavailable</source>
        <translation>高拍仪不可用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="159"/>
        <source>Picture live, page detected</source>
        <translation>画面正常，已识别到页面</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="161"/>
        <source>Picture live; put a page under the camera</source>
        <translation>画面正常；请在高拍仪下放一页材料</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="167"/>
        <source>No scanner chosen</source>
        <translation>未选择扫码枪</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="169"/>
        <source>Scan a code now…</source>
        <translation>请现在扫码…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="180"/>
        <source>Scanner unavailable</source>
        <translation>扫码枪不可用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="184"/>
        <source>Code read: %1</source>
        <translation>扫码成功：%1</translation>
    </message>
</context>
<context>
    <name>EfficiencyDialog</name>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="57"/>
        <source>Efficiency</source>
        <translation>效能</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="62"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="63"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="73"/>
        <location filename="../../clerk_station/efficiency_view.py" line="87"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="74"/>
        <source>Notices</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="75"/>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="76"/>
        <source>Avg. handling (min)</source>
        <translation>平均办理时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="77"/>
        <source>Near due</source>
        <translation>临近期限</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="78"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="80"/>
        <location filename="../../clerk_station/efficiency_view.py" line="86"/>
        <source>Clerk</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="81"/>
        <location filename="../../clerk_station/efficiency_view.py" line="85"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="84"/>
        <source>Receipt no.</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="88"/>
        <source>Promised date</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="89"/>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="90"/>
        <source>Platform status</source>
        <translation>平台状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="95"/>
        <source>By clerk</source>
        <translation>按受理人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="96"/>
        <source>By item</source>
        <translation>按事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="97"/>
        <source>Near or past the promised date</source>
        <translation>临近或超过承诺期限</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="98"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="99"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="133"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="139"/>
        <source>The figures could not be read. Call the technician.</source>
        <translation>无法读取统计数据，请联系技术人员。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="146"/>
        <source>%1 to %2: %3 accepted, %4 notices, %5 refused, average handling %6 min; %7 near the promised date, %8 overdue</source>
        <translation>%1 至 %2：受理 %3 件，一次性告知 %4 件，不予受理 %5 件，平均办理 %6 分钟；临近承诺期限 %7 件，超期 %8 件</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <location filename="../../clerk_station/item_picker.py" line="106"/>
        <source>Personal</source>
        <extracomment>accepted cases per item code lately; most used first (catalog order otherwise)</extracomment>
        <translation>个人办事</translation>
    </message>
    <message>
        <location filename="../../clerk_station/item_picker.py" line="107"/>
        <source>Legal entity</source>
        <translation>法人办事</translation>
    </message>
    <message>
        <location filename="../../clerk_station/item_picker.py" line="109"/>
        <source>Search items</source>
        <translation>搜索事项</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="64"/>
        <source>Case ledger</source>
        <extracomment>platform statuses, shown as the platform names them</extracomment>
        <translation>办件台账</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="76"/>
        <source>All items</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="80"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="83"/>
        <source>Not yet uploaded</source>
        <translation>待上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="84"/>
        <source>Waiting to retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="85"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="91"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="93"/>
        <source>Search (Enter)</source>
        <translation>查询（回车）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="96"/>
        <source>Receipt no.</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="97"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="98"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="99"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="100"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="101"/>
        <source>Clerk</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="102"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="103"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="124"/>
        <source>Open case</source>
        <translation>查看办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="125"/>
        <source>Reprint receipt</source>
        <translation>补打回执</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="126"/>
        <source>Export XLSX</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="127"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="128"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="153"/>
        <source>Open case (Ctrl+O, double-click)</source>
        <translation>查看办件（Ctrl+O 或双击）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="154"/>
        <source>Reprint receipt (Ctrl+P)</source>
        <translation>补打回执（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="180"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="186"/>
        <source> (scroll for more)</source>
        <translation>（向下滚动加载更多）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/ledger_dialog.py" line="187"/>
        <source>%n case(s) shown</source>
        <translation>
            <numerusform>已显示 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="198"/>
        <location filename="../../clerk_station/ledger_dialog.py" line="209"/>
        <source>Select a case first.</source>
        <translation>请先选择一个办件。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="222"/>
        <source>Receipt %1 printed again.</source>
        <translation>回执 %1 已补打。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="226"/>
        <source>the printer did not answer</source>
        <translation>打印机无响应</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="227"/>
        <source>Reprint failed: %1</source>
        <translation>补打失败：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="235"/>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="243"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/ledger_dialog.py" line="247"/>
        <source>%n case(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 件到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="254"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="55"/>
        <source>Receipt no.</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="56"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="57"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="58"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="59"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="60"/>
        <source>Clerk</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="61"/>
        <source>Queue no.</source>
        <translation>排队号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="62"/>
        <source>Upload</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="63"/>
        <source>Platform status</source>
        <translation>平台状态</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../clerk_station/screen_lock.py" line="79"/>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../clerk_station/screen_lock.py" line="87"/>
        <source>Locked — %1 (%2)</source>
        <translation>已锁定 — %1（%2）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/screen_lock.py" line="90"/>
        <source>Enter your PIN to continue, or sign out for another clerk.</source>
        <translation>请输入密码继续，或退出登录以便其他人员登录。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/screen_lock.py" line="93"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../clerk_station/screen_lock.py" line="95"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../clerk_station/screen_lock.py" line="141"/>
        <source>Too many wrong PINs: locked until %1.</source>
        <translation>密码错误次数过多，已锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/screen_lock.py" line="144"/>
        <source>Wrong PIN.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/screen_lock.py" line="148"/>
        <source>The PIN could not be checked. Call the technician.</source>
        <translation>无法校验密码，请联系技术人员。</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="59"/>
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="59"/>
        <location filename="../../clerk_station/materials_panel.py" line="75"/>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="59"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="72"/>
        <source> (original to sight)</source>
        <translation>（需核验原件）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="75"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="79"/>
        <source>Captured</source>
        <translation>已采集</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="80"/>
        <source>Missing</source>
        <translation>缺</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="95"/>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
</context>
<context>
    <name>OutcomeController</name>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="73"/>
        <source>Accepted. Receipt number %1.</source>
        <translation>已受理，回执编号 %1。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="77"/>
        <source>The receipt was not printed: %1</source>
        <translation>回执未能打印：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="82"/>
        <location filename="../../clerk_station/outcome_controller.py" line="83"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="104"/>
        <source>Not accepted</source>
        <translation>未能受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="115"/>
        <source>Switch to “%1”?</source>
        <translation>切换到“%1”？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/outcome_controller.py" line="118"/>
        <source>%n captured page(s) will be kept for the same materials.</source>
        <translation>
            <numerusform>已拍摄的 %n 页将保留给同名材料。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/outcome_controller.py" line="122"/>
        <source>%n captured page(s) fit no material of the new item and will be discarded.</source>
        <translation>
            <numerusform>已拍摄的 %n 页不属于新事项的任何材料，将被丢弃。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="128"/>
        <source>Switch service item</source>
        <translation>切换事项</translation>
    </message>
</context>
<context>
    <name>PinChangeDialog</name>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="172"/>
        <source>Change PIN</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="179"/>
        <source>Current PIN</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="180"/>
        <source>New PIN</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="181"/>
        <source>New PIN again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="184"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="186"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="191"/>
        <source>Choose a PIN of 6-12 digits, not a run like 123456.</source>
        <translation>请设置 6-12 位数字密码，不能是 123456 这样的连续数字。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="200"/>
        <source>The two new PINs differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="213"/>
        <source>Too many wrong PINs: try again later.</source>
        <translation>密码错误次数过多，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="215"/>
        <source>The current PIN is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="220"/>
        <source>This PIN is too weak: 6-12 digits, not a run.</source>
        <translation>密码过于简单：需 6-12 位数字，且不能是连续或重复数字。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="222"/>
        <source>The new PIN must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="224"/>
        <source>The PIN could not be changed. Call the technician.</source>
        <translation>无法修改密码，请联系技术人员。</translation>
    </message>
</context>
<context>
    <name>PlatformPage</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="74"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="75"/>
        <source>Where this station delivers, and the one-time enrollment code.</source>
        <translation>办件提交到哪个平台，以及一次性注册码。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="80"/>
        <source>empty: the system&apos;s certificates</source>
        <translation>留空：使用系统证书</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="81"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="86"/>
        <source>already enrolled: leave empty to keep it</source>
        <translation>已注册：留空则保持现有注册</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="95"/>
        <source>Enrollment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="100"/>
        <source>CA bundle</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="100"/>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM 证书 (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../clerk_station/receipt_dialog.py" line="43"/>
        <source>Reprint</source>
        <translation>重新打印</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="73"/>
        <source>Scanned: %1</source>
        <translation>扫码内容：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="75"/>
        <source>waiting to upload</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="77"/>
        <source>Receipt %1: %2</source>
        <translation>回执 %1：%2</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="90"/>
        <source>Scanner: %1</source>
        <translation>扫码枪：%1</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="35"/>
        <source>Yiwang Window — station set-up</source>
        <translation>一网窗口 — 终端设置</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="40"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="41"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="42"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="43"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="88"/>
        <source>Enrolling and saving…</source>
        <translation>正在注册并保存…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="103"/>
        <source>Set-up failed</source>
        <translation>设置失败</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="67"/>
        <source>Yiwang Window — Sign in</source>
        <translation>一网窗口 — 登录</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="72"/>
        <source>Window clerk sign-in</source>
        <translation>窗口人员登录</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="76"/>
        <location filename="../../clerk_station/sign_in.py" line="85"/>
        <source>Clerk ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="78"/>
        <source>PIN (6-12 digits)</source>
        <translation>密码（6-12 位数字）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="79"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="82"/>
        <source>Sign in (Enter)</source>
        <translation>登录（回车）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="86"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="115"/>
        <source>Enter your clerk ID and PIN.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/sign_in.py" line="138"/>
        <source>Clerk ID or PIN is wrong. %n attempt(s) left before a lock.</source>
        <translation>
            <numerusform>工号或密码错误，再错 %n 次将被锁定。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="147"/>
        <source>Too many wrong PINs: locked until %1.</source>
        <translation>密码错误次数过多，已锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="154"/>
        <source>You may try again.</source>
        <translation>现在可以重试。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="158"/>
        <source>Sign-in could not be checked. Call the technician.</source>
        <translation>无法校验登录，请联系技术人员。</translation>
    </message>
</context>
<context>
    <name>StartupFailureScreen</name>
    <message>
        <location filename="../../clerk_station/startup_failure.py" line="15"/>
        <source>Yiwang Window</source>
        <translation>一网窗口</translation>
    </message>
    <message>
        <location filename="../../clerk_station/startup_failure.py" line="16"/>
        <source>This station has stopped accepting applications</source>
        <translation>本终端已暂停受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/startup_failure.py" line="30"/>
        <source>Next step: call the technician and show them this screen. Receipts already printed stay valid; do not hand out new numbers by hand.</source>
        <translation>下一步：请联系技术人员并出示本页面。已打印的受理回执仍然有效；请勿手工编写新的受理编号。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/startup_failure.py" line="38"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="31"/>
        <source>Station</source>
        <translation>终端信息</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="32"/>
        <source>Who this terminal is: its code prefixes every receipt number.</source>
        <translation>本终端的身份：终端编号是每张回执编号的前缀。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="38"/>
        <source>Service window (clerk station)</source>
        <translation>窗口受理（工作人员使用）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="39"/>
        <source>Self-service kiosk</source>
        <translation>自助服务终端</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="116"/>
        <source>Summary</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="117"/>
        <source>Finish writes these changes and enrolls when needed.</source>
        <translation>点击“完成”将写入以下更改，并在需要时向平台注册。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="133"/>
        <source>Nothing changes.</source>
        <translation>没有需要更改的内容。</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="24"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="57"/>
        <source>● Connecting</source>
        <translation>● 连接中</translation>
    </message>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="60"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="63"/>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui_shared/sync_badge.py" line="67"/>
        <source>Queued: %n</source>
        <translation>
            <numerusform>待上传：%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui_shared/sync_badge.py" line="69"/>
        <source>Needs attention: %n</source>
        <translation>
            <numerusform>需处理：%n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../clerk_station/sync_controller.py" line="91"/>
        <source>Uploading %1 of %2</source>
        <extracomment>the station&apos;s clock is off the platform&apos;s: the host window places it</extracomment>
        <translation>正在上传 第%1件/共%2件</translation>
    </message>
</context>
</TS>
