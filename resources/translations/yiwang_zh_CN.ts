<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessPage</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="33"/>
        <source>Access</source>
        <translation>权限</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="42"/>
        <source>Maintenance PIN</source>
        <translation>维护密码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="43"/>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="60"/>
        <source>The same PIN again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="57"/>
        <source>Admin clerk ID</source>
        <translation>管理员工号</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="58"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="59"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="80"/>
        <source>The PIN a technician types to open the kiosk&apos;s maintenance screen.</source>
        <translation>技术人员打开自助终端维护界面时输入的密码。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="82"/>
        <source>The first admin clerk signs in and adds the other clerks.</source>
        <translation>第一位管理员登录后添加其他窗口人员。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="90"/>
        <source>Reading what this station holds…</source>
        <translation>正在读取本终端的设置…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="95"/>
        <source>A maintenance PIN is set: leave both fields empty to keep it.</source>
        <translation>已设置维护密码：两栏留空即保留原密码。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="97"/>
        <source>6-12 digits, not one repeated digit and not a run like 123456.</source>
        <translation>6至12位数字，不能全部相同，也不能是123456这样的顺序数字。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="101"/>
        <source>Admins on this station: %1. Leave empty to add none.</source>
        <translation>本终端的管理员：%1。留空则不添加。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="107"/>
        <source>Nobody can sign in yet: create the admin clerk (PIN of 6-12 digits).</source>
        <translation>目前无人能够登录：请创建管理员（密码6至12位数字）。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="124"/>
        <source>Still reading this station: try again in a moment.</source>
        <translation>仍在读取本终端的设置，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="138"/>
        <source>Set the maintenance PIN: nobody could service the kiosk.</source>
        <translation>请设置维护密码，否则无人能够维护自助终端。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="139"/>
        <source>Create the admin clerk: nobody could sign in otherwise.</source>
        <translation>请创建管理员，否则无人能够登录。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="140"/>
        <source>This PIN is too weak: 6-12 digits, not a run.</source>
        <translation>密码过于简单：需 6-12 位数字，且不能是连续或重复数字。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="141"/>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="142"/>
        <source>A clerk ID is 1-32 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>工号为1至32位字母、数字、“_”、“.”或“-”。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="143"/>
        <source>This clerk ID exists already.</source>
        <translation>该工号已存在。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/access_page.py" line="144"/>
        <source>Enter the clerk&apos;s name (at most 40 characters).</source>
        <translation>请输入姓名（最多40个字）。</translation>
    </message>
</context>
<context>
    <name>ApplicantPanel</name>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="41"/>
        <location filename="../../clerk_station/applicant_panel.py" line="116"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="45"/>
        <location filename="../../clerk_station/applicant_panel.py" line="137"/>
        <source>Place the applicant&apos;s ID card on the reader</source>
        <translation>请将申请人身份证放在阅读器上</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="54"/>
        <source>Show number</source>
        <translation>显示完整号码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/applicant_panel.py" line="57"/>
        <source>Shows the full ID number for %n seconds</source>
        <translation>
            <numerusform>显示完整证件号码 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="69"/>
        <source>18-character unified social credit code</source>
        <translation>18位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="76"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="77"/>
        <source>Company name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="87"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="88"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="114"/>
        <source>Applicant company and representative</source>
        <translation>申请单位及经办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="121"/>
        <source>ID card read</source>
        <translation>已读取身份证</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="158"/>
        <source>Enter by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="161"/>
        <source>When the reader is missing or the card will not read</source>
        <translation>读卡器缺失或证件无法读取时使用</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="177"/>
        <source>11-digit mobile number</source>
        <translation>11位手机号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="184"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="185"/>
        <location filename="../../clerk_station/applicant_panel.py" line="234"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="190"/>
        <source>Read agent&apos;s card</source>
        <translation>读取代办人身份证</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="195"/>
        <source>Agent by hand</source>
        <translation>手工录入代办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="198"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="205"/>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="220"/>
        <source>Typed by hand, original sighted</source>
        <translation>手工录入，已核验原件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="222"/>
        <source>Read from the card</source>
        <translation>读卡获取</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="225"/>
        <source>Place the agent&apos;s card on the reader (%1)</source>
        <translation>请将代办人身份证放在读卡器上（%1）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="236"/>
        <source>A child applies through a guardian: record the agent</source>
        <translation>未成年人须由监护人代办：请录入代办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="164"/>
        <source>Read card again</source>
        <translation>重新读卡</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="167"/>
        <source>Reads the card lying on the reader; a new card is read by itself</source>
        <translation>重新读取阅读器上的身份证；新放上的证件会自动读取</translation>
    </message>
</context>
<context>
    <name>ApplyScreen</name>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="63"/>
        <source>Which service do you need?</source>
        <extracomment>a receipt was issued: its QR payload (the receipt number and its signature, never the applicant), for the demo&apos;s simulated scanner. Sent, not kept: nothing of the citizen, their receipt number included, may outlive the wipe in this screen.</extracomment>
        <translation>请选择要办理的事项</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="81"/>
        <source>Place your ID card on the reader</source>
        <translation>请把身份证放在读卡区</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="85"/>
        <source>Is this you?</source>
        <translation>这是您本人吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="87"/>
        <source>Yes, continue</source>
        <translation>是我本人，继续</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="89"/>
        <source>No, start again</source>
        <translation>不是，重新开始</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="107"/>
        <source>Please check, then submit</source>
        <translation>请核对后提交</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="109"/>
        <location filename="../../kiosk/screens/apply.py" line="401"/>
        <source>Submit my application</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="162"/>
        <source>Apply for a service</source>
        <translation>我要办事</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="165"/>
        <source>Apply</source>
        <comment>care-mode title: fewer words, larger</comment>
        <translation>我要办事</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="172"/>
        <source>Touch the service you need.</source>
        <translation>请点击要办理的事项。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="173"/>
        <source>Place your ID card on the reader.</source>
        <translation>请把身份证放在读卡区。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="174"/>
        <source>Is this you? Touch yes to continue.</source>
        <translation>这是您本人吗？是的话请点“继续”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="175"/>
        <source>Lay the document flat under the camera.</source>
        <translation>请把材料平放在拍摄区。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="176"/>
        <source>Enter your mobile number, then choose how to collect the result.</source>
        <translation>请输入手机号码，再选择结果的领取方式。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="177"/>
        <source>Please check, then touch submit.</source>
        <translation>请核对，然后点“提交申请”。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="192"/>
        <source>The camera is not working right now: applications are taken at the window. Other services still work.</source>
        <translation>高拍仪暂时不能使用，请到窗口办理申请。查询、打印、评价和办事指南仍可使用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="214"/>
        <source>The card reader is not working right now: applications are taken at the window. Other services still work.</source>
        <translation>读卡器暂时无法使用：请到人工窗口办理申请。其他服务仍可使用。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="235"/>
        <source>your document under the camera</source>
        <translation>拍摄区上的材料</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="241"/>
        <source>your receipt at the printer</source>
        <translation>出纸口的回执</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="389"/>
        <source>Name: %1
ID number: %2</source>
        <translation>姓名：%1
证件号码：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="449"/>
        <source>the address on my ID card, %1</source>
        <translation>身份证住址 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="450"/>
        <source>staff will phone to confirm the address</source>
        <translation>工作人员将来电确认地址</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="458"/>
        <source>Applicant: %1 %2</source>
        <translation>申请人：%1 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="460"/>
        <source>Mobile: %1</source>
        <translation>手机：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="462"/>
        <source>Collect the result: %1</source>
        <translation>领取方式：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="464"/>
        <source>Post to: %1</source>
        <translation>邮寄地址：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/screens/apply.py" line="470"/>
        <source>%1: %n page(s)</source>
        <translation>
            <numerusform>%1：%n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="133"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="136"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/apply.py" line="399"/>
        <source>Submitting… please wait</source>
        <translation>正在提交，请稍候…</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="20"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="22"/>
        <source>Touch a button to begin</source>
        <translation>请点击下面的按钮开始</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="26"/>
        <source>Apply for
a service</source>
        <translation>我要
办事</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="27"/>
        <source>Check
progress</source>
        <translation>进度
查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="28"/>
        <source>Reprint
a receipt</source>
        <translation>补打
回执</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="29"/>
        <source>Rate
our service</source>
        <translation>服务
评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="30"/>
        <source>Service
guide</source>
        <translation>办事
指南</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="53"/>
        <source>Self-service</source>
        <translation>自助服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="56"/>
        <source>Welcome. Touch a button to begin.</source>
        <translation>欢迎使用自助服务，请点击按钮开始。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/attract.py" line="59"/>
        <source>Welcome to %1</source>
        <translation>欢迎来到%1</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="71"/>
        <source>Document camera preview</source>
        <translation>高拍仪预览</translation>
    </message>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="154"/>
        <source>Camera unavailable</source>
        <translation>高拍仪不可用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="82"/>
        <source>Waiting for camera…</source>
        <translation>正在等待高拍仪画面…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="83"/>
        <source>The document camera cannot be used: %1</source>
        <translation>高拍仪无法使用：%1</translation>
    </message>
</context>
<context>
    <name>CaptureController</name>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="69"/>
        <source>Capture page</source>
        <translation>拍摄本页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="72"/>
        <source>Remove last page</source>
        <translation>删除最后一页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="74"/>
        <source>Auto capture when the page is still</source>
        <translation>页面放稳后自动拍摄</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="197"/>
        <source>The camera has not delivered a picture yet</source>
        <translation>高拍仪尚未传回画面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="201"/>
        <source>Processing…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="245"/>
        <source>Camera: page detected</source>
        <translation>高拍仪：已识别页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="247"/>
        <source>Camera: no page in view</source>
        <translation>高拍仪：未检测到页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="251"/>
        <source>Camera: %1</source>
        <translation>高拍仪：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="278"/>
        <source>Page saved (%1×%2)</source>
        <translation>已保存本页（%1×%2）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="84"/>
        <source>Import file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="86"/>
        <source>A scanned file or a phone photo</source>
        <translation>扫描件或手机照片</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="87"/>
        <source>Take pages from the scan folder</source>
        <translation>从扫描文件夹取页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="136"/>
        <source>Import a scanned page or a photo</source>
        <translation>导入扫描页或照片</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="141"/>
        <source>Images (%1)</source>
        <translation>图片（%1）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="158"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="254"/>
        <source>No camera picture: import a scanned file or a photo instead</source>
        <translation>高拍仪无画面：请改为导入扫描件或照片</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="65"/>
        <source>Take the pages with “Import file…” (a scanned file or a phone photo) or from the scan folder meanwhile.</source>
        <translation>在此期间请用“从文件导入…”（扫描件或手机照片）或从扫描文件夹取页。</translation>
    </message>
</context>
<context>
    <name>CaptureStep</name>
    <message>
        <location filename="../../kiosk/screens/capture_step.py" line="50"/>
        <source>1. Open the document and lay it flat in the marked area.
2. Hold still: the picture is taken by itself.
3. Take the document back.</source>
        <extracomment>corners of the page just taken: the next picture waits until that page is taken away or replaced (a page lying still is never taken twice)</extracomment>
        <translation>1. 把材料打开，平放在拍摄区。
2. 保持不动，会自动拍照。
3. 拍好后取回材料。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/capture_step.py" line="57"/>
        <source>Take the picture now</source>
        <translation>现在拍照</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/capture_step.py" line="77"/>
        <source>Please place: %1</source>
        <translation>请放入：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/capture_step.py" line="78"/>
        <location filename="../../kiosk/screens/capture_step.py" line="124"/>
        <source>Waiting for the document…</source>
        <translation>正在等待放入材料…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/capture_step.py" line="115"/>
        <source>Done. Please take that document away.</source>
        <translation>拍好了，请取走这份材料。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/capture_step.py" line="122"/>
        <source>Document found: hold still…</source>
        <translation>已看到材料，请保持不动…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/capture_step.py" line="132"/>
        <source>Taking the picture…</source>
        <translation>正在拍照…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/capture_step.py" line="149"/>
        <source>No document found in the picture. Lay it flat in the marked area.</source>
        <translation>没有拍到材料，请平放在拍摄区内。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/capture_step.py" line="156"/>
        <source>The camera is not working right now (%1). Please go to the window.</source>
        <translation>高拍仪暂时不能使用（%1），请到窗口办理。</translation>
    </message>
</context>
<context>
    <name>CardAnimation</name>
    <message>
        <location filename="../../kiosk/screens/identify.py" line="27"/>
        <source>Animation: put the card flat on the reader</source>
        <translation>动画：把身份证平放在读卡区</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/identify.py" line="65"/>
        <source>Reader</source>
        <translation>读卡区</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/identify.py" line="75"/>
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
</context>
<context>
    <name>CardAwayPanel</name>
    <message>
        <location filename="../../kiosk/card_away.py" line="46"/>
        <source>Your ID card has been taken out</source>
        <translation>您的身份证已取出</translation>
    </message>
    <message>
        <location filename="../../kiosk/card_away.py" line="51"/>
        <source>To continue, put the same card back on the reader. Otherwise, everything you entered is erased for the next person.</source>
        <translation>请把同一张身份证放回读卡区继续办理；否则您填写的内容将全部清除，留给下一位。</translation>
    </message>
    <message>
        <location filename="../../kiosk/card_away.py" line="57"/>
        <source>Put the card back
and continue</source>
        <translation>放回身份证
继续办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/card_away.py" line="60"/>
        <source>End</source>
        <translation>结束办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/card_away.py" line="77"/>
        <source>Your ID card has been taken out. Put it back to continue, or touch End.</source>
        <translation>您的身份证已取出。放回身份证可继续办理，或点“结束办理”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/card_away.py" line="106"/>
        <source>Ending in %n second(s)</source>
        <translation>
            <numerusform>%n 秒后结束办理</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardBridge</name>
    <message>
        <location filename="../../ui_shared/bridges.py" line="33"/>
        <source>The ID card reader failed</source>
        <translation>身份证阅读器故障</translation>
    </message>
</context>
<context>
    <name>CardReaderController</name>
    <message>
        <location filename="../../clerk_station/card_reader_controller.py" line="34"/>
        <source>ID reader: waiting</source>
        <translation>身份证阅读器：等待中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/card_reader_controller.py" line="52"/>
        <source>ID reader: card read</source>
        <translation>身份证阅读器：已读卡</translation>
    </message>
    <message>
        <location filename="../../clerk_station/card_reader_controller.py" line="59"/>
        <source>ID reader: ready</source>
        <translation>身份证阅读器：就绪</translation>
    </message>
    <message>
        <location filename="../../clerk_station/card_reader_controller.py" line="62"/>
        <source>ID reader: %1</source>
        <translation>身份证阅读器：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/card_reader_controller.py" line="65"/>
        <source>The card reader is not available: enter the identity by hand</source>
        <translation>读卡器不可用：请手工录入证件信息</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="66"/>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="73"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="82"/>
        <source>Choose a page</source>
        <translation>请选择页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="97"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="98"/>
        <source>Department&apos;s note</source>
        <translation>部门意见</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="99"/>
        <source>Materials requested</source>
        <translation>要求补正的材料</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="109"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="109"/>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="109"/>
        <source>Clerk</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="114"/>
        <source>Pages</source>
        <translation>材料页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="115"/>
        <source>Status history</source>
        <translation>办理进度</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="116"/>
        <source>Documents printed</source>
        <translation>已打印文书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="121"/>
        <source>Reprint receipt</source>
        <translation>补打回执</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="122"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="160"/>
        <source>Applicant %1 %2 · accepted %3 by %4 · platform case %5</source>
        <extracomment>容缺受理: owed materials near or past their day (hidden otherwise) 补正 request and actions, 办结领取 (station.case_followup)</extracomment>
        <translation>申请人 %1 %2 · %3 由 %4 受理 · 平台办件号 %5</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="173"/>
        <source>%1 — page %2</source>
        <translation>%1 — 第%2页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="178"/>
        <source> (image removed after retention)</source>
        <translation>（图像已按保存期限清除）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="204"/>
        <source>This case could not be opened.</source>
        <translation>无法打开该办件。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="212"/>
        <source>The image was removed after delivery (retention).</source>
        <translation>该图像在上报后已按保存期限清除。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="229"/>
        <source>This page is not an image.</source>
        <translation>该页面不是图像。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="232"/>
        <source>The page could not be read.</source>
        <translation>无法读取该页面。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="243"/>
        <source>Receipt printed again.</source>
        <translation>回执已补打。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="256"/>
        <source>the printer did not answer</source>
        <translation>打印机无响应</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="257"/>
        <source>Reprint failed: %1</source>
        <translation>补打失败：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="37"/>
        <source>Receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="38"/>
        <source>Receipt (reprint)</source>
        <translation>受理回执（补打）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_detail.py" line="39"/>
        <source>Handover confirmation</source>
        <translation>办结领取确认单</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="42"/>
        <source>Accepted here; waiting to be sent to the department</source>
        <extracomment>materials a notice&apos;s card names before &quot;and N more&quot; (the paper names them all)</extracomment>
        <translation>本机已受理，等待报送部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="44"/>
        <source>Needs a member of staff: please ask at the window</source>
        <translation>需要工作人员处理，请到窗口咨询</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="45"/>
        <source>Received by the department</source>
        <translation>部门已受理</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="46"/>
        <source>Being reviewed by the department</source>
        <translation>部门正在审核</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="47"/>
        <source>More materials needed: please bring them</source>
        <translation>需要补充材料，请带齐后前来</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="48"/>
        <source>Finished: you can collect the result</source>
        <translation>已办结，可以领取结果</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="49"/>
        <source>Not approved: please ask at the window</source>
        <translation>未予许可，请到窗口咨询</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="71"/>
        <source>Other material (%1)</source>
        <translation>其他材料（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="77"/>
        <source>Receipt number: %1</source>
        <translation>回执编号：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="114"/>
        <source> and %1 more (all on the paper)</source>
        <translation>，另有 %1 项（告知书上都有）</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="116"/>
        <source>One-time notice of missing materials</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="119"/>
        <source>Notice number: %1</source>
        <translation>告知书编号：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="60"/>
        <source>Status: %1</source>
        <translation>办理状态：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="67"/>
        <source>Department&apos;s note: %1</source>
        <translation>部门说明：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="74"/>
        <location filename="../../kiosk/screens/cases.py" line="118"/>
        <source>Please bring: %1</source>
        <translation>请携带：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/cases.py" line="78"/>
        <source>As of %1</source>
        <translation>状态时间：%1</translation>
    </message>
</context>
<context>
    <name>CaseListDialog</name>
    <message>
        <location filename="../../clerk_station/case_list.py" line="140"/>
        <source>Cases accepted at this window</source>
        <translation>本窗口受理的办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="144"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="145"/>
        <source>Not yet delivered</source>
        <translation>尚未上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="146"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="147"/>
        <source>Delivered</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="161"/>
        <source>Send again</source>
        <translation>重新上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="163"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="165"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>CasePagesModel</name>
    <message>
        <location filename="../../clerk_station/case_pages_model.py" line="135"/>
        <source>Waiting to upload</source>
        <translation>待上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_pages_model.py" line="136"/>
        <source>Uploading</source>
        <translation>上报中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_pages_model.py" line="137"/>
        <source>Will retry</source>
        <translation>稍后重试</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_pages_model.py" line="138"/>
        <source>Delivered</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_pages_model.py" line="139"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../clerk_station/case_list.py" line="72"/>
        <source>Receipt</source>
        <extracomment>a refresh reloads what the clerk has scrolled through, up to this many rows, so a sync event does not yank the list back to the top (nor reread a huge list each time)</extracomment>
        <translation>回执编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="73"/>
        <source>Item</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="74"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="75"/>
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="76"/>
        <source>Upload</source>
        <translation>上报状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="77"/>
        <source>Platform status</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="78"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="79"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ClerkAdminDialog</name>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="95"/>
        <source>Clerks</source>
        <translation>人员管理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="104"/>
        <source>Clerk ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="104"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="104"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="104"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="111"/>
        <source>Add clerk…</source>
        <translation>添加人员…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="112"/>
        <source>Reset PIN…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="113"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="114"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="115"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="144"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="144"/>
        <source>Clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="146"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="148"/>
        <source>Locked (wrong PINs)</source>
        <translation>已锁定（密码错误次数过多）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="150"/>
        <source>Must change PIN</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="152"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="198"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="202"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="209"/>
        <source>The change could not be saved. Call the technician.</source>
        <translation>修改未能保存，请联系技术人员。</translation>
    </message>
</context>
<context>
    <name>ClerkDayBar</name>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="59"/>
        <source>Clerk&apos;s day</source>
        <translation>窗口工作</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="70"/>
        <location filename="../../clerk_station/clerk_day_bar.py" line="76"/>
        <source>Queue no.</source>
        <translation>排队号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="74"/>
        <source>The hall&apos;s queue number for this applicant (Ctrl+Q)</source>
        <translation>本申请人的大厅排队号（Ctrl+Q）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="82"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="88"/>
        <source>Case ledger</source>
        <translation>办件台账</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="90"/>
        <source>Efficiency</source>
        <translation>效能</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="93"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="95"/>
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="106"/>
        <source>Change PIN</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="96"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="164"/>
        <source>Called the next applicant %1</source>
        <translation>已叫号 %1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="173"/>
        <source>The queuing system did not answer. Call the next applicant by voice.</source>
        <translation>排队叫号系统无响应，请口头叫号。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="109"/>
        <source>Clerks</source>
        <translation>人员管理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="117"/>
        <source>Evaluation pad</source>
        <translation>评价器</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="121"/>
        <source>A window facing the citizen: confirm details, then evaluate</source>
        <translation>面向群众的评价器：核对信息，办结后评价</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_day_bar.py" line="102"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
</context>
<context>
    <name>ClerkFormDialog</name>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="48"/>
        <source>Reset PIN</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="48"/>
        <source>Add clerk</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="56"/>
        <source>Administrator (manages clerks)</source>
        <translation>管理员（可管理人员）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="60"/>
        <source>Clerk ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="62"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="64"/>
        <source>Temporary PIN</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="65"/>
        <source>Temporary PIN again</source>
        <translation>再次输入临时密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="67"/>
        <source>The clerk must choose a new PIN at the next sign-in.</source>
        <translation>该人员下次登录时须设置新密码。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="70"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="71"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="84"/>
        <source>Enter the clerk ID and name.</source>
        <translation>请输入工号和姓名。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/clerk_admin_dialog.py" line="86"/>
        <source>The two PINs differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../clerk_station/main_window.py" line="78"/>
        <source>Yiwang Window — Clerk Station %1</source>
        <extracomment>from this window height the item title may take two lines (1920x1080 and the like)</extracomment>
        <translation>一网窗口 — 窗口受理终端 %1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="86"/>
        <location filename="../../clerk_station/main_window.py" line="336"/>
        <source>Choose a service item on the left</source>
        <translation>请在左侧选择办理事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="148"/>
        <source>Camera: starting</source>
        <translation>高拍仪：启动中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="232"/>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="237"/>
        <source>New applicant</source>
        <translation>新办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="242"/>
        <source>Cases</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="239"/>
        <source>New applicant (%1)</source>
        <translation>下一位（%1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/main_window.py" line="345"/>
        <source>%1 · within %n working day(s)</source>
        <translation>
            <numerusform>%1 · 承诺时限 %n 个工作日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactStep</name>
    <message>
        <location filename="../../kiosk/screens/contact_step.py" line="25"/>
        <source>Your mobile number</source>
        <translation>请输入手机号码</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/contact_step.py" line="26"/>
        <source>So the department can reach you</source>
        <translation>方便部门联系您</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/contact_step.py" line="32"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/contact_step.py" line="37"/>
        <source>How will you collect the result?</source>
        <translation>办理结果怎么领取？</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/contact_step.py" line="50"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../../kiosk/countdown.py" line="44"/>
        <source>If nobody touches the screen, it starts again for the next person and everything you entered is erased.</source>
        <translation>如果没有人操作，系统将回到首页，您录入的信息会全部清除。</translation>
    </message>
    <message>
        <location filename="../../kiosk/countdown.py" line="50"/>
        <source>Yes, I need more time</source>
        <translation>需要，继续办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/countdown.py" line="61"/>
        <source>Do you need more time?</source>
        <translation>还需要更多时间吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/countdown.py" line="64"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionDialogs</name>
    <message>
        <location filename="../../clerk_station/decisions.py" line="42"/>
        <source>Refuse the application</source>
        <extracomment>reasons a clerk picks from (or types) when a material cannot be used</extracomment>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/decisions.py" line="43"/>
        <source>Reason (the legal basis is printed with it)</source>
        <translation>理由（依据将一并打印）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/decisions.py" line="65"/>
        <source>Material unusable</source>
        <translation>材料不合格</translation>
    </message>
    <message>
        <location filename="../../clerk_station/decisions.py" line="66"/>
        <source>Why can “%1” not be used?</source>
        <translation>“%1”为何不能使用？</translation>
    </message>
</context>
<context>
    <name>DemoDevices</name>
    <message>
        <location filename="../../kiosk/demo_devices.py" line="25"/>
        <source>Simulated devices (demo)</source>
        <translation>模拟设备（演示）</translation>
    </message>
    <message>
        <location filename="../../kiosk/demo_devices.py" line="31"/>
        <source>Place ID card</source>
        <translation>放置身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/demo_devices.py" line="33"/>
        <source>Lift card</source>
        <translation>取走身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/demo_devices.py" line="35"/>
        <source>Scan the last receipt&apos;s QR code</source>
        <translation>扫描刚打印回执的二维码</translation>
    </message>
    <message>
        <location filename="../../kiosk/demo_devices.py" line="44"/>
        <source>The camera shows the material the kiosk asks for.</source>
        <translation>高拍仪会显示自助终端要求的材料。</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../../clerk_station/demo_panel.py" line="26"/>
        <source>Simulated devices (demo)</source>
        <translation>模拟设备（演示）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/demo_panel.py" line="27"/>
        <source>Demo:</source>
        <translation>演示：</translation>
    </message>
    <message>
        <location filename="../../clerk_station/demo_panel.py" line="30"/>
        <source>Simulated ID cards</source>
        <translation>模拟身份证</translation>
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
        <location filename="../../clerk_station/demo_panel.py" line="25"/>
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
    <name>Diagnosis</name>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="18"/>
        <source>ID card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="19"/>
        <source>Document camera</source>
        <translation>高拍仪</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="20"/>
        <source>Receipt printer</source>
        <translation>回执打印机</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="21"/>
        <source>Code scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="25"/>
        <source>answers (read several times a second)</source>
        <translation>应答正常（每秒读取数次）</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="26"/>
        <source>does not answer: check its cable and power</source>
        <translation>无应答：请检查连接线和电源</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="27"/>
        <source>is not being read: restart the kiosk</source>
        <translation>未在读取：请重启自助机</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="29"/>
        <source>delivers pictures (%1 x %2)</source>
        <translation>画面正常（%1 x %2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="30"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="31"/>
        <source>ready, but the paper is running out</source>
        <translation>就绪，但纸张即将用完</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="32"/>
        <source>reachable, but it does not report its state</source>
        <translation>已连接，但不报告状态</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="34"/>
        <source>types like a keyboard: scan a receipt to try it</source>
        <translation>以键盘方式输入：请扫一张回执试试</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="38"/>
        <source>listening</source>
        <translation>正在监听</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="39"/>
        <source>not listening: check its cable, then restart</source>
        <translation>未在监听：请检查连接线后重启</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="41"/>
        <source>unexpected error while checking (%1)</source>
        <translation>检测时发生意外错误（%1）</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="44"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="45"/>
        <source>FAULT</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="46"/>
        <source>NONE</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="49"/>
        <source>Platform: not checked yet</source>
        <translation>平台：尚未检测</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="50"/>
        <source>Platform: online</source>
        <translation>平台：在线</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="51"/>
        <source>Platform: offline (applications are queued)</source>
        <translation>平台：离线（申请已排队，恢复后报送）</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="54"/>
        <source>Voice: available</source>
        <translation>语音：可用</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="55"/>
        <source>Voice: silent (no speech engine)</source>
        <translation>语音：无声（未安装语音引擎）</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="58"/>
        <source>Queued, waiting to be sent: %1</source>
        <translation>待发送：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="61"/>
        <source>Evaluations queued: %1</source>
        <translation>待发送的评价：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="59"/>
        <source>Delivered: %1</source>
        <translation>已报送：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="36"/>
        <source>none configured (the ID card still finds the cases)</source>
        <translation>本机未配置（刷身份证仍可查询）</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="60"/>
        <source>Refused by the platform, staff must look: %1</source>
        <translation>平台拒收、需工作人员处理：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/diagnosis_words.py" line="63"/>
        <source>Checking the devices…</source>
        <translation>正在检测设备…</translation>
    </message>
</context>
<context>
    <name>DoneStep</name>
    <message>
        <location filename="../../kiosk/screens/done_step.py" line="28"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/done_step.py" line="48"/>
        <source>Your application is filed, but the receipt could not be printed. Staff have been called. Please photograph the code on the screen with your phone.</source>
        <translation>申请已提交，但回执未能打印，已通知工作人员。请用手机拍下屏幕上的二维码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/done_step.py" line="52"/>
        <source>Your application is submitted. Please take your receipt.</source>
        <translation>申请已提交，请取走回执。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/done_step.py" line="63"/>
        <source>Please take your ID card from the reader.</source>
        <translation>请从读卡区取走您的身份证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/done_step.py" line="69"/>
        <source>Submitted. Receipt number %1</source>
        <translation>已提交，回执编号 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/done_step.py" line="77"/>
        <source>The receipt could not be printed (%1). Staff have been called. Please photograph this code with your phone instead.</source>
        <translation>回执没能打印（%1），已通知工作人员。请用手机拍下旁边的二维码。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/screens/done_step.py" line="93"/>
        <source>What happens next: the department handles it within %n working day(s).</source>
        <translation>
            <numerusform>接下来：部门将在 %n 个工作日内办理。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/done_step.py" line="95"/>
        <source>Check progress here with your ID card or the receipt&apos;s QR code.</source>
        <translation>可在本机凭身份证或回执二维码查询办理进度。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/done_step.py" line="98"/>
        <source>The result will be posted to the address on your ID card.</source>
        <translation>办理结果将寄到您身份证上的住址。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/done_step.py" line="100"/>
        <source>Staff will phone you to confirm where to post the result.</source>
        <translation>工作人员将来电与您确认邮寄地址。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/done_step.py" line="103"/>
        <source>Please take your receipt from the printer.</source>
        <translation>请从出纸口取走回执。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/done_step.py" line="107"/>
        <source>The network is down: your application is saved here and will be sent automatically.</source>
        <translation>网络暂时不通：申请已保存在本机，联网后自动报送。</translation>
    </message>
</context>
<context>
    <name>EfficiencyDialog</name>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="64"/>
        <source>Efficiency</source>
        <translation>效能</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="69"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="70"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="80"/>
        <location filename="../../clerk_station/efficiency_view.py" line="94"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="81"/>
        <source>Notices</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="82"/>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="83"/>
        <source>Avg. handling (min)</source>
        <translation>平均办理时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="84"/>
        <source>Near due</source>
        <translation>临近期限</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="85"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="87"/>
        <location filename="../../clerk_station/efficiency_view.py" line="93"/>
        <location filename="../../clerk_station/efficiency_view.py" line="105"/>
        <source>Clerk</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="88"/>
        <location filename="../../clerk_station/efficiency_view.py" line="92"/>
        <location filename="../../clerk_station/efficiency_view.py" line="104"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="91"/>
        <location filename="../../clerk_station/efficiency_view.py" line="103"/>
        <source>Receipt no.</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="95"/>
        <source>Promised date</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="96"/>
        <location filename="../../clerk_station/efficiency_view.py" line="108"/>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="97"/>
        <source>Platform status</source>
        <translation>平台状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="106"/>
        <source>Owed materials</source>
        <translation>待补材料</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="107"/>
        <source>Bring by</source>
        <translation>补齐期限</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="114"/>
        <source>By clerk</source>
        <translation>按受理人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="115"/>
        <source>By item</source>
        <translation>按事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="116"/>
        <source>Near or past the promised date</source>
        <translation>临近或超过承诺期限</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="117"/>
        <location filename="../../clerk_station/efficiency_view.py" line="185"/>
        <source>Owed materials due</source>
        <translation>容缺到期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="118"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="119"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="153"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="159"/>
        <source>The figures could not be read. Call the technician.</source>
        <translation>无法读取统计数据，请联系技术人员。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="166"/>
        <source>%1 to %2: %3 accepted, %4 notices, %5 refused, average handling %6 min; %7 near the promised date, %8 overdue</source>
        <translation>%1 至 %2：受理 %3 件，一次性告知 %4 件，不予受理 %5 件，平均办理 %6 分钟；临近承诺期限 %7 件，超期 %8 件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/efficiency_view.py" line="214"/>
        <source> (clock stopped %1 working day(s) for 补正)</source>
        <translation>（补正停表 %1 个工作日）</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="12"/>
        <source>The printer is not connected</source>
        <translation>打印机未连接</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="13"/>
        <source>The printer is not connected (no USB driver)</source>
        <translation>打印机未连接（USB 驱动不可用）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="17"/>
        <source>Could not talk to the printer</source>
        <translation>打印机通信失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="18"/>
        <source>The printer setting is wrong</source>
        <translation>打印机地址配置错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="19"/>
        <source>No Chinese font (install fonts-wqy-microhei)</source>
        <translation>缺少中文字体（请安装 fonts-wqy-microhei）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="23"/>
        <source>The printer is out of paper</source>
        <translation>打印机缺纸</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="24"/>
        <source>The printer cover is open</source>
        <translation>打印机盖未关好</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="25"/>
        <source>The printer reports a fault</source>
        <translation>打印机故障</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="26"/>
        <source>The printer is offline</source>
        <translation>打印机离线</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="27"/>
        <source>Printer state unknown</source>
        <translation>打印机状态未知</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="28"/>
        <source>Paper is running out</source>
        <translation>打印纸即将用完</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="29"/>
        <source>Printer ready</source>
        <translation>打印机就绪</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="30"/>
        <source>Done</source>
        <translation>操作成功</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="31"/>
        <source>The card holds nothing for this item</source>
        <translation>证件中此项无内容</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="32"/>
        <source>Card found</source>
        <translation>找卡成功</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="33"/>
        <source>The reader received a damaged frame (checksum)</source>
        <translation>阅读器接收业务终端数据的校验和错</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="37"/>
        <source>The reader received a damaged frame (length)</source>
        <translation>阅读器接收业务终端数据的长度错</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="41"/>
        <source>The reader refused the command</source>
        <translation>阅读器接收业务终端的命令错误（命令或参数错误）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="42"/>
        <source>The reader refused an unauthorised operation</source>
        <translation>越权操作，阅读器拒绝执行</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="46"/>
        <source>The reader reported an unrecognised error</source>
        <translation>阅读器报告无法识别的错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="50"/>
        <source>The card could not authenticate the reader; place the card again</source>
        <translation>卡认证机具失败，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="54"/>
        <source>The reader could not authenticate the card; place the card again</source>
        <translation>机具认证卡失败，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="58"/>
        <source>Card information failed verification; place the card again</source>
        <translation>信息验证错误，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="62"/>
        <source>No card found yet</source>
        <translation>尚未找卡，不能进行对卡的操作</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="63"/>
        <source>Fingerprint information failed verification</source>
        <translation>指纹信息验证错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="67"/>
        <source>Card information has a wrong length; place the card again</source>
        <translation>信息长度错误，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="71"/>
        <source>Unrecognised card type; place a resident ID card</source>
        <translation>无法识别的卡类型，请放置居民身份证</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="75"/>
        <source>Reading the card failed; place the card again</source>
        <translation>读卡操作失败，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="79"/>
        <source>The card&apos;s challenge failed; place the card again</source>
        <translation>取随机数失败，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="83"/>
        <source>The reader&apos;s security module failed its self-check; call a technician</source>
        <translation>阅读器安全模块（SAM）自检失败，不能接收命令，请联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="87"/>
        <source>The reader&apos;s security module is not authorised</source>
        <translation>阅读器安全模块（SAM）未经授权，无法使用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="91"/>
        <source>No card on the reader; place the ID card on it</source>
        <translation>找卡不成功，请将身份证或其他证件放在阅读器上</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="95"/>
        <source>Selecting the card failed; place the card again</source>
        <translation>选卡不成功，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="99"/>
        <source>The reader returned unknown status {sw3}</source>
        <translation>阅读器返回未知状态码 {sw3}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="103"/>
        <source>The ID card reader does not answer; check the cable</source>
        <translation>身份证阅读器无响应，请检查连接</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="107"/>
        <source>The ID card reader was disconnected; check the cable</source>
        <translation>身份证阅读器已断开，请检查连接</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="111"/>
        <source>Cannot open the ID card reader port {device}</source>
        <translation>无法打开身份证阅读器端口 {device}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="115"/>
        <source>No ID card reader found</source>
        <translation>未找到身份证阅读器</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="116"/>
        <source>No document camera found</source>
        <translation>未找到高拍仪</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="117"/>
        <source>The reader&apos;s security module id has a wrong length</source>
        <translation>阅读器安全模块编号长度错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="121"/>
        <source>The reader sent a frame of impossible length</source>
        <translation>阅读器数据长度错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="125"/>
        <source>The reader sent a damaged frame (checksum)</source>
        <translation>阅读器数据校验错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="129"/>
        <source>Card data invalid; place the card again</source>
        <translation>证件信息异常，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="130"/>
        <source>Card data invalid (length fields); place the card again</source>
        <translation>证件信息异常：长度字段不完整，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="134"/>
        <source>Card data invalid (length mismatch); place the card again</source>
        <translation>证件信息异常：数据长度与长度字段不符，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="138"/>
        <source>Card data invalid: the {field} is malformed; place the card again</source>
        <translation>证件信息异常：{field}格式错误，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="142"/>
        <source>Card data invalid: the {field} is not a date; place the card again</source>
        <translation>证件信息异常：{field}无效，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="146"/>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="147"/>
        <source>valid-from date</source>
        <translation>有效期起始日期</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="148"/>
        <source>valid-until date</source>
        <translation>有效期截止日期</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="149"/>
        <source>Card data invalid: unsupported card type {flag}; place the card again</source>
        <translation>证件信息异常：不支持的证件类型标识“{flag}”，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="153"/>
        <source>Card data invalid: the ID number fails its check character</source>
        <translation>证件信息异常：证件号码校验位错误，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="157"/>
        <source>Card data invalid: the ID number does not match the birth date</source>
        <translation>证件信息异常：证件号码与出生日期不一致，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="161"/>
        <source>Card data invalid: the validity period ends before it starts</source>
        <translation>证件信息异常：有效期限起止日期颠倒，请重新放置证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="165"/>
        <source>The document camera failed</source>
        <translation>高拍仪故障</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="166"/>
        <source>No document camera (or video file) found</source>
        <translation>未找到高拍仪或视频文件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="170"/>
        <source>Cannot open the camera; check the cable</source>
        <translation>无法打开高拍仪，请检查连接</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="174"/>
        <source>The camera is closed</source>
        <translation>高拍仪已关闭</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="175"/>
        <source>The camera gives no picture; check the cable</source>
        <translation>高拍仪没有画面，请检查连接</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="179"/>
        <source>No complete page found</source>
        <translation>未检测到完整页面</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="180"/>
        <source>The image {what} is too large</source>
        <translation>图片{what}过大</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="181"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="182"/>
        <source>size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="183"/>
        <source>The image cannot be used</source>
        <translation>图片无法使用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="184"/>
        <source>Cannot read the image file</source>
        <translation>无法读取图片文件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="185"/>
        <source>Not an image format we know</source>
        <translation>无法识别的图片格式</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="188"/>
        <source>Scanner {device} not found; check the cable</source>
        <translation>未找到扫码枪设备 {device}，请检查连接</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="192"/>
        <source>No permission to read scanner {device} (group &apos;input&apos; or a udev rule is needed)</source>
        <translation>没有权限读取扫码枪设备 {device}（需加入 input 用户组或配置 udev 规则）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="196"/>
        <source>Cannot open scanner {device}</source>
        <translation>无法打开扫码枪 {device}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="197"/>
        <source>Scanner {device} is in use by another program</source>
        <translation>扫码枪设备 {device} 已被其他程序占用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="198"/>
        <source>Cannot take scanner {device} for this program (not an input device?)</source>
        <translation>无法独占扫码枪设备 {device}（不是输入设备？）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="202"/>
        <source>The scanner was disconnected</source>
        <translation>扫码枪已断开，请检查连接</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="203"/>
        <source>The scanner setting is wrong</source>
        <translation>扫码枪配置错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="12"/>
        <source>The first 17 characters of a resident ID number must be digits</source>
        <translation>身份证号码本体码应为17位数字</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="16"/>
        <source>A resident ID number has 18 characters; this one has {length}</source>
        <translation>身份证号码应为18位，当前为{length}位</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="20"/>
        <source>A resident ID number is made of digits; only the last may be X</source>
        <translation>身份证号码只能由数字组成，最后一位可以是X</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="24"/>
        <source>The region code (first six digits) of the ID number is not valid</source>
        <translation>身份证号码前六位地址码无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="28"/>
        <source>The ID number&apos;s check digit is wrong; check the number</source>
        <translation>身份证号码校验位错误，请核对号码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="32"/>
        <source>The permanent residence ID&apos;s check digit is wrong; check the number</source>
        <translation>永久居留身份证号码校验位错误，请核对号码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="36"/>
        <source>The birth date in the ID number is not a valid date</source>
        <translation>身份证号码中的出生日期无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="40"/>
        <source>The birth date in the ID number is later than today</source>
        <translation>身份证号码中的出生日期晚于今天</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="44"/>
        <source>The birth date in the ID number is before 1900</source>
        <translation>身份证号码中的出生日期早于1900年</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="48"/>
        <source>An HK/Macao/Taiwan residence permit number starts with 810000, 820000 or 830000</source>
        <translation>港澳台居民居住证号码应以810000、820000或830000开头</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="52"/>
        <source>The {kind} number has the wrong format (e.g. {example})</source>
        <translation>{kind}号码格式不正确（例如 {example}）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="56"/>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="57"/>
        <source>Household register</source>
        <translation>居民户口簿</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="58"/>
        <source>Birth certificate</source>
        <translation>出生医学证明</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="59"/>
        <source>Foreign permanent residence ID</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="63"/>
        <source>HK/Macao/Taiwan residence permit</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="67"/>
        <source>HK/Macao travel permit</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="68"/>
        <source>Taiwan travel permit</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="69"/>
        <source>The first 17 characters of the credit code contain characters that are not allowed</source>
        <translation>统一社会信用代码前17位含有无效字符</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="73"/>
        <source>A unified social credit code has 18 characters; this one has {length}</source>
        <translation>统一社会信用代码应为18位，当前为{length}位</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="77"/>
        <source>The credit code contains characters that are not allowed: {chars} (I, O, Z, S and V are never used)</source>
        <translation>统一社会信用代码含有无效字符：{chars}（不使用I、O、Z、S、V）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="81"/>
        <source>The first character of the credit code (registration authority) is not valid</source>
        <translation>统一社会信用代码第1位登记管理部门代码无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="85"/>
        <source>The second character of the credit code (institution type) is not valid</source>
        <translation>统一社会信用代码第2位机构类别代码无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="89"/>
        <source>Characters 3 to 8 of the credit code (region code) must be digits</source>
        <translation>统一社会信用代码第3至8位行政区划码应为数字</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="93"/>
        <source>The credit code&apos;s check character is wrong; check the code</source>
        <translation>统一社会信用代码校验位错误，请核对代码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="97"/>
        <source>Unknown type of identity document</source>
        <translation>证件类型无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="102"/>
        <source>Enter the organisation&apos;s name</source>
        <translation>请填写单位名称</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="103"/>
        <source>Choose the agent&apos;s relation to the applicant</source>
        <translation>请选择代办人与申请人的关系</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="107"/>
        <source>Enter the name</source>
        <translation>请填写姓名</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="108"/>
        <source>Enter the document number</source>
        <translation>请填写证件号码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="109"/>
        <source>The gender does not match the ID number</source>
        <translation>性别与身份证号码不符</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="113"/>
        <source>The birth date does not match the ID number</source>
        <translation>出生日期与身份证号码不符</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="117"/>
        <source>The applicant&apos;s data is malformed</source>
        <translation>申请人信息格式错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="121"/>
        <source>Before typing the identity in, check the original document and tick “original sighted”</source>
        <translation>手工录入前须核验证件原件，请勾选“已核验原件”</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="125"/>
        <source>“{item_en}” is a legal-entity service: the applicant must be an organisation (with a unified social credit code)</source>
        <translation>“{item}”是法人事项，申请人须为单位（需填写统一社会信用代码）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="129"/>
        <source>“{item_en}” is a personal service: the applicant must be a person (with a resident ID number)</source>
        <translation>“{item}”是个人事项，申请人须为个人（需填写身份证号码）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="133"/>
        <source>The ID card expired on {valid_until}; use a valid document</source>
        <translation>身份证已过有效期（{valid_until}），请使用有效证件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="137"/>
        <source>The page reference is not valid</source>
        <translation>材料页面标识无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="138"/>
        <source>The page to delete does not exist</source>
        <translation>要删除的页面不存在</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="142"/>
        <location filename="../../ui_shared/error_sources/intake.py" line="235"/>
        <source>Enter the applicant first</source>
        <translation>请先录入申请人信息</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="143"/>
        <source>Required materials are still missing: {materials_en}</source>
        <translation>尚缺必交材料：{materials}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="147"/>
        <source>The case data is malformed</source>
        <translation>办件数据格式错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="148"/>
        <source>Key materials cannot be owed: {materials_en}</source>
        <translation>核心材料不能容缺：{materials}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="152"/>
        <source>Nothing is missing that could be owed</source>
        <translation>没有可容缺的材料</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="156"/>
        <source>These materials cannot be replaced by a commitment: {materials_en}</source>
        <translation>以下材料不适用告知承诺制：{materials}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="160"/>
        <source>Nothing is missing that a commitment could replace</source>
        <translation>没有可承诺的材料</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="164"/>
        <source>The station code is not valid: letters and digits only</source>
        <translation>窗口编号无效，只能包含字母和数字</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="168"/>
        <source>The receipt sequence number is not valid</source>
        <translation>受理序号无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="172"/>
        <source>The receipt number is malformed; it looks like S001-20261125-0001</source>
        <translation>受理编号格式错误，应类似 S001-20261125-0001</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="176"/>
        <source>No receipt printer is configured</source>
        <translation>未配置打印机</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="177"/>
        <source>The service “{item_en}” has no material {material}</source>
        <translation>事项“{item}”没有编号为{material}的材料</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="181"/>
        <source>The service catalog (version {version}) has no service {item}</source>
        <translation>事项目录（版本{version}）中没有编号为{item}的事项</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="185"/>
        <source>The service catalog is malformed</source>
        <translation>事项目录格式错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="186"/>
        <source>The service catalog has fields we do not know</source>
        <translation>事项目录含有无法识别的字段</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="190"/>
        <source>Service catalog data error: {where} is malformed</source>
        <translation>事项目录数据错误：{where} 格式错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="194"/>
        <source>The service catalog has no version</source>
        <translation>事项目录缺少版本号</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="195"/>
        <source>The service catalog holds no services</source>
        <translation>事项目录中没有事项</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="196"/>
        <source>The service code {item} appears twice</source>
        <translation>事项编号{item}重复</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="200"/>
        <source>Service catalog data error: the field {key} of {where} is not valid</source>
        <translation>事项目录数据错误：{where} 的字段 {key} 无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="204"/>
        <source>Service catalog data error: {where} lacks the fields {keys}</source>
        <translation>事项目录数据错误：{where} 缺少字段 {keys}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="208"/>
        <source>Service catalog data error: {where} has unknown fields {keys}</source>
        <translation>事项目录数据错误：{where} 含有无法识别的字段 {keys}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="212"/>
        <source>The material code {material} appears twice in service {item}</source>
        <translation>事项{item}的材料编号{material}重复</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="216"/>
        <source>Service {item} needs at least one required material</source>
        <translation>事项{item}至少需要一项必交材料</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="220"/>
        <source>The holiday calendar is malformed</source>
        <translation>节假日日历格式错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="221"/>
        <source>The refusal reasons are malformed</source>
        <translation>不予受理理由格式错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="225"/>
        <source>No change of service is waiting for confirmation</source>
        <translation>没有待确认的事项切换</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="229"/>
        <source>Choose a material first</source>
        <translation>请先选择材料</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="230"/>
        <source>The page to move does not exist</source>
        <translation>要移动的页面不存在</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="231"/>
        <source>The way to collect the result is not valid</source>
        <translation>领取方式无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="236"/>
        <source>A material is marked unusable; deal with it first</source>
        <translation>有不符合要求的材料，请先处理</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="240"/>
        <source>Pages are still being saved; please wait</source>
        <translation>页面仍在保存，请稍候</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="244"/>
        <source>Choose a reason for the refusal</source>
        <translation>请选择不予受理理由</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="248"/>
        <source>This cannot be done at the current step</source>
        <translation>当前步骤不能进行此操作</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="252"/>
        <source>Choose a service first</source>
        <translation>请先选择事项</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="253"/>
        <source>Too long: at most {limit} characters, {length} typed. Shorten it; what you typed is kept.</source>
        <translation>内容过长：最多 {limit} 个字，现有 {length} 个字。请删减后再提交，已输入的内容仍保留。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="258"/>
        <source>This case needs no supplement now</source>
        <translation>该办件当前无需补正</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="262"/>
        <source>Add the supplement&apos;s pages first</source>
        <translation>请先添加补正材料页面</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="263"/>
        <source>The material does not belong to this service</source>
        <translation>材料不属于该事项</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="267"/>
        <source>This case is not finished yet or was already collected</source>
        <translation>该办件尚未办结或已领取</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="271"/>
        <source>The collector&apos;s role is not valid</source>
        <translation>领取人身份无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="272"/>
        <source>Enter the agent&apos;s relation to the applicant</source>
        <translation>请填写代领人与申请人的关系</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="276"/>
        <source>This case was already collected</source>
        <translation>该办件已领取</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="277"/>
        <source>This case was not accepted on a commitment: no commitment form is needed</source>
        <translation>该办件不是告知承诺制受理，无需告知承诺书</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="280"/>
        <source>The signed commitment form of this case has already been captured</source>
        <translation>该办件的告知承诺书已采集</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="283"/>
        <source>Add the commitment form&apos;s pages first</source>
        <translation>请先添加告知承诺书页面</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="286"/>
        <source>Only image files can be imported (JPG, PNG, TIFF)</source>
        <translation>只能导入图片文件（JPG、PNG、TIFF）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="290"/>
        <source>Cannot read this file</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="291"/>
        <source>The file is too large (over 25 MB)</source>
        <translation>文件过大（超过25MB）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="292"/>
        <source>This file is not an image we can read</source>
        <translation>该文件不是可识别的图片</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="296"/>
        <source>The image resolution is too high</source>
        <translation>图片分辨率过高</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="300"/>
        <source>The image resolution is too low to read</source>
        <translation>图片分辨率过低，无法辨认</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="304"/>
        <source>Your case was not found</source>
        <translation>未找到您的这件办件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="305"/>
        <source>The case is not finished yet, so it cannot be evaluated</source>
        <translation>办件尚未办结，暂不能评价</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="309"/>
        <location filename="../../ui_shared/error_sources/intake.py" line="320"/>
        <source>Choose a rating</source>
        <translation>请选择评价等级</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="310"/>
        <location filename="../../ui_shared/error_sources/intake.py" line="321"/>
        <source>Reasons are chosen only when you are not satisfied</source>
        <translation>只有不满意时才需选择原因</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="314"/>
        <location filename="../../ui_shared/error_sources/intake.py" line="325"/>
        <source>The reason is not valid</source>
        <translation>评价原因无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="315"/>
        <location filename="../../ui_shared/error_sources/intake.py" line="326"/>
        <source>This case was already evaluated</source>
        <translation>这件办件已经评价过了</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="316"/>
        <source>That is as many as can be printed for now; for more, please ask at the window</source>
        <translation>暂时最多打印这几份，如还需要，请到窗口办理</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="12"/>
        <source>The ID card&apos;s data page was made from the card read; no photo of the card is needed</source>
        <translation>已由读卡生成身份证信息页，无需拍摄身份证</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="16"/>
        <source>Page saved</source>
        <translation>页面已保存</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="17"/>
        <source>Taken from the electronic licence library; no paper needed</source>
        <translation>已从电子证照库取得，无需纸质材料</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="21"/>
        <source>One-time notice printed</source>
        <translation>一次性告知书已打印</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="22"/>
        <source>The operation failed</source>
        <translation>操作失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="23"/>
        <source>Capturing the page failed</source>
        <translation>拍摄失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="24"/>
        <source>Saving the electronic licence failed</source>
        <translation>电子证照保存失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="28"/>
        <source>Accepting the case failed</source>
        <translation>受理失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="29"/>
        <source>Printing the refusal notice failed</source>
        <translation>不予受理通知书打印失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="33"/>
        <source>Printing the notice failed</source>
        <translation>告知书打印失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="34"/>
        <source>Printing the receipt failed</source>
        <translation>回执打印失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="35"/>
        <source>The image is blurry</source>
        <translation>画面模糊</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="36"/>
        <source>The image is blurry; capture it again</source>
        <translation>画面模糊，请重拍</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="40"/>
        <source>There is glare on the page</source>
        <translation>有反光</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="41"/>
        <source>There is glare on the page; capture it again</source>
        <translation>有反光，请重拍</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="45"/>
        <source>The barcode decoder is not available</source>
        <translation>条码识别组件不可用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="46"/>
        <source>Electronic licences need the network: try again when online, or take paper</source>
        <translation>电子证照需要网络连接：网络恢复后再试，或收取纸质材料</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="50"/>
        <source>The platform refused the licence query; call the technician</source>
        <translation>平台拒绝了电子证照查询，请联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/session.py" line="54"/>
        <source>The platform&apos;s licence answer was invalid and was not used</source>
        <translation>平台的电子证照应答无效，未使用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="12"/>
        <source>The network is unavailable; accepted cases are kept here and retried automatically</source>
        <translation>网络暂时不可用，已受理的办件保存在本机，将自动重试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="16"/>
        <source>The platform&apos;s TLS certificate is not trusted; check platform.ca_bundle</source>
        <translation>平台证书不受信任（TLS），请技术人员检查 platform.ca_bundle</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="20"/>
        <source>The platform could not process the request (HTTP {status}); retrying later</source>
        <translation>平台暂时无法处理（HTTP {status}），稍后自动重试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="24"/>
        <source>The platform&apos;s answer broke the protocol; retrying later</source>
        <translation>平台应答不符合协议，稍后自动重试；如持续出现请联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="28"/>
        <source>Upload conflict; retrying later</source>
        <translation>上传冲突，稍后重试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="29"/>
        <source>Sending failed; retrying later</source>
        <translation>发送出错，稍后重试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="30"/>
        <source>Sending was interrupted; retrying</source>
        <translation>发送中断，将自动重试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="31"/>
        <source>Refused: the platform holds a different case with the same id (conflict)</source>
        <translation>平台拒绝：平台上已有同一编号但内容不同的办件（冲突），请联系技术人员核对</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="35"/>
        <source>Refused by the platform: {text} (HTTP {status}); check the case, then call support</source>
        <translation>平台拒绝：{text}（HTTP {status}），请核对办件信息后联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="39"/>
        <source>Refused: the platform asked for pages that are not part of this case</source>
        <translation>平台拒绝：平台要求的材料不属于本办件，请联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="43"/>
        <source>Refused: the platform still lacks {count} page(s) after uploading them again</source>
        <translation>平台拒绝：重新上传后平台仍缺少 {count} 页材料，请联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="47"/>
        <source>A captured page is missing on this station ({sha}); capture again and re-accept</source>
        <translation>本地材料文件缺失（{sha}），请重新采集材料后重新受理</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="51"/>
        <source>A captured page is damaged on this station; capture again and re-accept</source>
        <translation>本地材料文件已损坏，请重新采集材料后重新受理，或联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="59"/>
        <source>The platform refused this station&apos;s credentials; re-enroll the station</source>
        <translation>本终端未获平台授权，请联系技术人员重新注册</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="63"/>
        <source>Sync started, {count} to send</source>
        <translation>开始同步，待发送 {count} 件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="64"/>
        <source>Connected to the platform</source>
        <translation>已连接平台</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="65"/>
        <source>Offline; accepted cases are kept here and retried automatically</source>
        <translation>网络暂时不可用，已受理的办件保存在本机，将自动重试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="69"/>
        <source>Sending {n} of {of}: {receipt_no}</source>
        <translation>正在发送第 {n}/{of} 件：{receipt_no}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="70"/>
        <source>Delivered {n} of {of}: {receipt_no} (case {case_no})</source>
        <translation>已送达 {n}/{of}：{receipt_no}（平台编号 {case_no}）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="74"/>
        <source>Not sent; retrying in {seconds} s</source>
        <translation>发送未成功，{seconds} 秒后自动重试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="75"/>
        <source>Every case has reached the platform</source>
        <translation>全部办件已送达平台</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="76"/>
        <source>{count} progress update(s) received</source>
        <translation>收到 {count} 条办理进度更新</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="77"/>
        <source>Service catalog updated ({version})</source>
        <translation>事项目录已更新（版本 {version}）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="78"/>
        <source>This station&apos;s clock is about {minutes} min behind the platform&apos;s; receipt dates may be wrong: ask the technician to correct the clock</source>
        <translation>本机时间比平台慢约 {minutes} 分钟，回执日期可能有误，请通知技术人员校准时间</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="82"/>
        <source>This station&apos;s clock is about {minutes} min ahead of the platform&apos;s; receipt dates may be wrong: ask the technician to correct the clock</source>
        <translation>本机时间比平台快约 {minutes} 分钟，回执日期可能有误，请通知技术人员校准时间</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="12"/>
        <location filename="../../ui_shared/error_sources/station.py" line="16"/>
        <source>Local storage failed; call the technician</source>
        <translation>本地存储出错，请联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="20"/>
        <source>The station&apos;s key file is damaged; call the technician</source>
        <translation>本机密钥文件异常，请联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="24"/>
        <source>Local data is damaged or was tampered with; call the technician</source>
        <translation>本地数据已损坏或被篡改，请联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="28"/>
        <source>The storage is full; call the technician</source>
        <translation>存储空间已满，请联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="32"/>
        <source>A captured page file is missing; capture it again</source>
        <translation>材料文件缺失，请重新采集</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="36"/>
        <source>A captured page file is damaged; capture it again or call the technician</source>
        <translation>材料文件已损坏，请重新采集或联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="40"/>
        <source>The case was not found</source>
        <translation>找不到该办件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="41"/>
        <source>A case with the same number but different content exists; accept it again</source>
        <translation>办件编号重复且内容不同，请重新受理</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="45"/>
        <source>Some page images were not saved; capture them again before accepting</source>
        <translation>部分材料图像未保存成功，请重新采集后再受理</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="49"/>
        <source>The station&apos;s data was written by a newer version of the software; upgrade the software</source>
        <translation>本机数据由更新版本的软件写入，请升级软件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="53"/>
        <source>The station&apos;s data folder cannot be read or written; ask the technician to check the disk and the folder&apos;s permissions</source>
        <translation>本机数据目录无法读写，请技术人员检查磁盘和目录权限</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="57"/>
        <source>The station&apos;s database is in use by another program; try again later or call the technician</source>
        <translation>本机数据库被其他程序占用，请稍后重试或联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="61"/>
        <source>The receipt number record is damaged; call the technician</source>
        <translation>受理编号记录文件损坏，请联系技术人员</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="65"/>
        <source>{kind}; receipts are stopped. Ask the technician to run yiwang recover --data-dir {data_dir} to restore the data.</source>
        <translation>{kind}，已停止出具受理回执。请技术人员运行 yiwang recover --data-dir {data_dir} 恢复数据。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="69"/>
        <source>{kind}; receipts are stopped; the old files are kept as {kept}. Ask the technician to run yiwang recover --data-dir {data_dir} to restore the data.</source>
        <translation>{kind}，已停止出具受理回执，原文件已保留为 {kept}。请技术人员运行 yiwang recover --data-dir {data_dir} 恢复数据。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="73"/>
        <source>The station database file is missing</source>
        <translation>本机数据库文件丢失</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="74"/>
        <source>The station database file was truncated to nothing</source>
        <translation>本机数据库文件被截断为空</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="78"/>
        <source>The station database file is damaged</source>
        <translation>本机数据库文件已损坏</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="79"/>
        <source>The station database has lost its structure</source>
        <translation>本机数据库结构已损坏</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="83"/>
        <source>The station database lacks receipts it once issued (lost log file or an old copy)</source>
        <translation>本机数据库缺少已出具的受理记录（日志文件丢失或为旧副本）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="87"/>
        <source>The receipt number record is damaged</source>
        <translation>受理编号记录文件损坏</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="88"/>
        <source>This station is not enrolled with the platform; the technician must enroll it with an enrollment code</source>
        <translation>本终端尚未在平台注册，请技术人员使用注册码完成注册</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="100"/>
        <source>The platform credentials file is damaged; the technician must enroll this station again</source>
        <translation>平台凭据文件损坏，请技术人员重新注册本终端</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="104"/>
        <source>The platform address must start with https:// (only a test platform on this machine may use http://): platform.url = {url}</source>
        <translation>平台地址必须以 https:// 开头（仅本机测试平台可用 http://）：platform.url = {url}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="108"/>
        <source>No configuration file config.toml; finish the station setup first</source>
        <translation>未找到配置文件 config.toml，请先完成终端设置</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="112"/>
        <source>The configuration file {file} cannot be read</source>
        <translation>配置文件 {file} 无法读取</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="116"/>
        <source>The configuration file {file} cannot be read or is malformed</source>
        <translation>配置文件 {file} 无法读取或格式错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="120"/>
        <source>The configuration file {file} is malformed: {error}</source>
        <translation>配置文件 {file} 格式错误：{error}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="124"/>
        <source>The configuration file&apos;s version ({key}) is not valid</source>
        <translation>配置文件版本号（{key}）无效</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="128"/>
        <source>The configuration file is newer than this software; upgrade the software</source>
        <translation>配置文件版本比本程序新，请升级软件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="148"/>
        <source>The configuration file lacks the required entry {key}</source>
        <translation>配置文件缺少必填项 {key}（{label}）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="160"/>
        <source>{key} is not valid: {problem_en}</source>
        <translation>{label}（{key}）无效：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="161"/>
        <source>An enrollment code is needed: the station is not enrolled, or its code, platform or role changed</source>
        <translation>需要注册码：本终端尚未注册，或终端编号、平台地址、终端类型已更改</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="165"/>
        <source>[clerks] in the configuration file must be a table</source>
        <translation>配置文件中 [clerks] 必须是表</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="169"/>
        <source>clerks.auto_login must be a clerk id</source>
        <translation>配置项 clerks.auto_login 应为工号</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="173"/>
        <source>clerks.idle_lock_minutes must be a number from 0.5 to 240</source>
        <translation>配置项 clerks.idle_lock_minutes 应为 0.5 到 240 之间的数字</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="177"/>
        <source>clerks.call_next must be a list of strings (the program and its arguments)</source>
        <translation>配置项 clerks.call_next 应为字符串列表（程序及参数）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="96"/>
        <location filename="../../ui_shared/error_sources/station.py" line="202"/>
        <source>The data directory {data_dir} does not exist; ask the technician to check the station&apos;s setup</source>
        <translation>数据目录 {data_dir} 不存在，请技术人员检查终端设置</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="206"/>
        <source>The station cannot start; the details are in the log file</source>
        <translation>本终端无法启动，详情见日志文件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="205"/>
        <source>The printer setting is not valid: {where}</source>
        <translation>打印机设置无效：{where}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="209"/>
        <source>The printer&apos;s network address {where} is not valid (it should be HOST:PORT)</source>
        <translation>打印机网络地址 {where} 无效（应为 主机:端口）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="213"/>
        <source>Printer {where}</source>
        <translation>打印机 {where}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="214"/>
        <source>Network printer {where}</source>
        <translation>网络打印机 {where}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="215"/>
        <source>Printer device {where}</source>
        <translation>打印设备 {where}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="216"/>
        <source>Printing to the file {where}</source>
        <translation>打印输出写入文件 {where}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="217"/>
        <source>Printing to the file {where} (its folder is made at the first print)</source>
        <translation>打印输出写入文件 {where}（首次打印时创建文件夹）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="221"/>
        <source>{where} is not a printer device or a regular file</source>
        <translation>{where} 不是打印设备或普通文件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="225"/>
        <source>{where} does not exist (is the printer unplugged?)</source>
        <translation>{where} 不存在（打印机未连接？）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="229"/>
        <source>{where} is a file holding other data, not printer output: printing would overwrite it. Name the printer device (/dev/usb/lp*, /dev/tty*) or a new file.</source>
        <translation>{where} 是存有其他内容的文件，不是打印输出；打印会覆盖它。请填写打印机设备（/dev/usb/lp*、/dev/tty*）或一个新文件。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="234"/>
        <source>{where} is not a printer device (a character device)</source>
        <translation>{where} 不是打印设备（字符设备）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="240"/>
        <source>{where} is not a printer: a memory device ({device}) swallows what is sent and prints nothing. A USB printer is /dev/usb/lp*, a serial one /dev/tty*; the simulator prints to a regular file.</source>
        <translation>{where} 不是打印机：内存设备（{device}），发送的内容全部丢弃，不会打印（USB 打印机为 /dev/usb/lp*，串口打印机为 /dev/tty*，模拟打印请写入普通文件）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="246"/>
        <source>{where} is not a printer: it is a terminal or console, not a printer port. A USB printer is /dev/usb/lp*, a serial one /dev/tty*; the simulator prints to a regular file.</source>
        <translation>{where} 不是打印机：这是终端或控制台，不是打印机接口（USB 打印机为 /dev/usb/lp*，串口打印机为 /dev/tty*，模拟打印请写入普通文件）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="252"/>
        <source>{where} is not a printer: it is the character device {device}. A USB printer is /dev/usb/lp*, a serial one /dev/tty*; the simulator prints to a regular file.</source>
        <translation>{where} 不是打印机：这是字符设备 {device}（USB 打印机为 /dev/usb/lp*，串口打印机为 /dev/tty*，模拟打印请写入普通文件）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="257"/>
        <source>No permission to write to {where}</source>
        <translation>没有写入 {where} 的权限</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="261"/>
        <source>{where} cannot be examined ({reason})</source>
        <translation>无法检查 {where}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="265"/>
        <source>No permission to create {name} in {folder}</source>
        <translation>没有在 {folder} 中创建 {name} 的权限</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="269"/>
        <source>Nothing reads from {where} ({reason}): the printer is not connected</source>
        <translation>{where} 无人接收（{reason}）：打印机未连接</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="273"/>
        <source>{where} is a folder, not a printer or a file</source>
        <translation>{where} 是一个文件夹，不是打印机或文件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="277"/>
        <source>{folder} is not a folder</source>
        <translation>{folder} 不是文件夹</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="278"/>
        <source>The folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="283"/>
        <source>No scanner configured</source>
        <translation>未配置扫码枪</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="284"/>
        <source>Keyboard-wedge scanner: the window recognises it by keystroke timing; nothing to test</source>
        <translation>键盘模式扫码枪：由界面按击键节奏识别，无需单独检测</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="288"/>
        <source>The scanner port {device} opens ({baudrate} baud)</source>
        <translation>扫码枪端口 {device} 可以打开（{baudrate} 波特）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/devices.py" line="292"/>
        <source>The scanner device {device} can be read exclusively</source>
        <translation>扫码枪设备 {device} 可以独占读取</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="55"/>
        <source>The page image files are lost; the case cannot be sent. Ask the applicant to bring the materials again and accept the case anew</source>
        <translation>材料图像文件丢失，无法报送；请联系申请人补交材料后重新受理</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="88"/>
        <source>Talking to the platform failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="89"/>
        <source>The network is unavailable for now; retrying automatically later</source>
        <translation>网络暂时不可用，稍后自动重试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="93"/>
        <source>The platform&apos;s answer broke the protocol; retrying automatically later</source>
        <translation>平台应答不符合协议，稍后自动重试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="97"/>
        <source>The platform refused the request</source>
        <translation>平台拒绝了该请求</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="100"/>
        <source>The platform does not accept this station; ask the technician to enroll it again</source>
        <translation>本终端未获平台授权，请联系技术人员重新注册</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="104"/>
        <source>The platform holds a different case with the same number</source>
        <translation>平台已有内容不同的同号办件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="108"/>
        <source>The platform lacks some page files; they are uploaded again</source>
        <translation>平台缺少部分材料文件，将重新上传</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/sync.py" line="112"/>
        <source>The platform address must start with https:// (http:// only for a test platform on this machine)</source>
        <translation>平台地址必须以 https:// 开头（仅本机测试平台可用 http://）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="92"/>
        <source>The platform refused this station&apos;s credentials; the technician must enroll it again</source>
        <translation>平台拒绝了本终端的身份认证，请技术人员重新注册</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="132"/>
        <source>[{key}] in the configuration file is malformed ({file}:{line})</source>
        <translation>配置文件中 [{key}] 格式错误（{file} 第 {line} 行）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="136"/>
        <source>[{key}] in the configuration file is malformed ({file})</source>
        <translation>配置文件中 [{key}] 格式错误（{file}）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="140"/>
        <source>The configuration file has an unknown entry {key} ({file}:{line})</source>
        <translation>配置文件中有未知的项 {key}（{file} 第 {line} 行）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="144"/>
        <source>The configuration file has an unknown entry {key} ({file})</source>
        <translation>配置文件中有未知的项 {key}（{file}）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="152"/>
        <source>{key} is not valid: {problem_en} ({file}:{line})</source>
        <translation>{label}（{key}）无效：{problem}（{file} 第 {line} 行）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="156"/>
        <source>{key} is not valid: {problem_en} ({file})</source>
        <translation>{label}（{key}）无效：{problem}（{file}）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="182"/>
        <source>Owed materials overdue: {materials} were due by {year}-{month}-{day}, {days} working day(s) ago; contact the applicant</source>
        <translation>容缺到期：{materials} 应于{year}年{month}月{day}日前补齐，已逾期{days}个工作日，请联系申请人</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="186"/>
        <source>Owed materials due soon: {materials} by {year}-{month}-{day} ({days} working day(s) left)</source>
        <translation>容缺即将到期：{materials} 应于{year}年{month}月{day}日前补齐（还剩{days}个工作日）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="190"/>
        <source>Accepted with materials owed: {materials}, to bring by {year}-{month}-{day}</source>
        <translation>容缺受理：待补 {materials}，{year}年{month}月{day}日前补齐</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="194"/>
        <source>Accepted on a signed commitment in place of {materials}</source>
        <translation>告知承诺制受理：以承诺代替 {materials}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="198"/>
        <source>Accepted with materials owed</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/station.py" line="199"/>
        <source>Accepted on a signed commitment</source>
        <translation>告知承诺制受理</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="14"/>
        <source>A PIN is digits only.</source>
        <translation>密码只能由数字组成。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="15"/>
        <source>A PIN has {min} to {max} digits.</source>
        <translation>密码须为{min}-{max}位数字。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="16"/>
        <source>This PIN is too weak: not one repeated digit or a run like 123456.</source>
        <translation>密码过于简单：不能是重复数字或 123456 这样的连续数字。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="20"/>
        <source>No maintenance PIN is set.</source>
        <translation>尚未设置维护密码。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="21"/>
        <source>A clerk ID is 1-32 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>工号为1-32位字母、数字或 _ . -。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="25"/>
        <source>Enter the clerk&apos;s name (at most {max} characters).</source>
        <translation>请输入姓名（不超过{max}个字）。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="29"/>
        <source>There is no clerk {clerk}.</source>
        <translation>没有工号为 {clerk} 的人员。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="30"/>
        <source>The clerk {clerk} is disabled.</source>
        <translation>工号 {clerk} 已停用。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="31"/>
        <source>The new PIN must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="35"/>
        <source>The administrator&apos;s ID or PIN is wrong.</source>
        <translation>管理员工号或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="39"/>
        <source>Only an administrator can manage clerks.</source>
        <translation>只有管理员可以管理人员。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="40"/>
        <source>A clerk with this ID exists already.</source>
        <translation>该工号已存在。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="41"/>
        <source>The last administrator cannot be disabled.</source>
        <translation>不能停用最后一名管理员。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="45"/>
        <source>You cannot disable the account you are signed in with.</source>
        <translation>不能停用当前登录的账号。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="49"/>
        <source>The queuing system&apos;s command is missing. Call the next applicant by voice.</source>
        <translation>找不到排队叫号系统的命令，请口头叫号。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="53"/>
        <source>The queuing system did not answer. Call the next applicant by voice.</source>
        <translation>排队叫号系统无响应，请口头叫号。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/accounts.py" line="57"/>
        <source>The queuing system failed. Call the next applicant by voice.</source>
        <translation>排队叫号系统出错，请口头叫号。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="16"/>
        <source>must be a number &gt; 0</source>
        <translation>应为正数</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="17"/>
        <source>must be text</source>
        <translation>应为文本</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="18"/>
        <source>must be an integer &gt;= 1</source>
        <translation>应为整数，且不小于 1</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="22"/>
        <source>Station code</source>
        <extracomment>the key&apos;s name on a form and in a message</extracomment>
        <translation>终端编号</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="23"/>
        <source>Station name</source>
        <translation>终端名称</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="24"/>
        <source>Station type</source>
        <translation>终端类型</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="25"/>
        <source>Enquiry phone number</source>
        <translation>咨询电话</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="26"/>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="27"/>
        <source>Platform CA certificate</source>
        <translation>平台 CA 证书</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="28"/>
        <source>Receipt query address</source>
        <translation>回执查询地址</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="29"/>
        <source>Sync interval</source>
        <translation>同步间隔</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="30"/>
        <source>Days pages are kept</source>
        <translation>保留天数</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="31"/>
        <source>Catalog update interval</source>
        <translation>事项目录更新间隔</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="32"/>
        <source>Heartbeat interval</source>
        <translation>心跳间隔</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="33"/>
        <source>Offline probe interval</source>
        <translation>离线探测间隔</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="34"/>
        <source>Backup folder</source>
        <translation>备份目录</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="35"/>
        <source>Backup interval</source>
        <translation>备份间隔</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="36"/>
        <source>Backups kept</source>
        <translation>备份保留份数</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="37"/>
        <location filename="../../ui_shared/error_sources/doctor.py" line="38"/>
        <source>ID card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="38"/>
        <source>Document camera</source>
        <translation>高拍仪</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="39"/>
        <source>Camera frame width</source>
        <translation>高拍仪宽度</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="40"/>
        <source>Camera frame height</source>
        <translation>高拍仪高度</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="41"/>
        <source>Receipt printer</source>
        <translation>回执打印机</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="42"/>
        <source>Paper width</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="43"/>
        <source>Printer&apos;s own QR codes</source>
        <translation>打印机原生二维码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="44"/>
        <source>Code scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="45"/>
        <source>Clerk signed in automatically</source>
        <translation>自动登录工号</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="46"/>
        <source>Lock after idle (minutes)</source>
        <translation>无操作锁屏（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="47"/>
        <source>Call-next command</source>
        <translation>叫号命令</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="52"/>
        <source>must be 1-16 ASCII letters or digits</source>
        <extracomment>what the key allows, as the message says it when a value is refused</extracomment>
        <translation>只能是 1-16 位字母或数字</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="54"/>
        <source>must be window or kiosk</source>
        <translation>只能是 window 或 kiosk</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="55"/>
        <source>must be up to 32 printable characters</source>
        <translation>最多 32 个可打印字符</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="56"/>
        <source>must start with https:// (http:// only for this machine&apos;s loopback)</source>
        <translation>应以 https:// 开头（仅本机回环地址可用 http://）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="60"/>
        <source>must be an address starting with https://, or empty</source>
        <translation>应为 https:// 开头的地址或留空</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="71"/>
        <source>must be simulated, auto or a serial port path</source>
        <translation>应为 simulated、auto 或串口路径</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="74"/>
        <source>must be simulated, a device index (such as 0) or a device path</source>
        <translation>应为 simulated、设备序号（如 0）或设备路径</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="77"/>
        <source>must be an integer from 320 to 8192</source>
        <translation>应为 320 至 8192 的整数</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="78"/>
        <source>must be an integer from 240 to 8192</source>
        <translation>应为 240 至 8192 的整数</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="81"/>
        <source>must be file:PATH, serial:DEVICE, tcp:HOST[:PORT] or usb:VID:PID</source>
        <translation>应为 file:路径、serial:设备、tcp:地址[:端口] 或 usb:VID:PID</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="84"/>
        <source>must be 58 or 80</source>
        <translation>只能是 58 或 80</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="85"/>
        <source>must be true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="86"/>
        <source>must be none, wedge, serial:PORT or evdev:PATH</source>
        <translation>应为 none、wedge、serial:端口 或 evdev:路径</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="90"/>
        <source>must be a number from 0.5 to 240</source>
        <translation>应为 0.5 至 240 的数字</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/config_words.py" line="93"/>
        <source>must be a list of strings (program and arguments)</source>
        <translation>应为字符串列表（程序及参数）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/intake.py" line="98"/>
        <source>A mobile number has 11 digits, starting with 1 and then 3 to 9</source>
        <translation>手机号码应为1开头、第二位3–9的11位数字</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="14"/>
        <source>OK</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="15"/>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="16"/>
        <source>SKIP</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="17"/>
        <source>-&gt; fix:</source>
        <translation>→ 处理办法：</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="18"/>
        <source>skipped:</source>
        <translation>已跳过：</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="19"/>
        <source>all checks passed</source>
        <translation>全部检查通过</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="20"/>
        <source>{failed} check(s) failed</source>
        <translation>{failed} 项检查未通过</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="21"/>
        <source>{failed} check(s) failed, {skipped} skipped</source>
        <translation>{failed} 项检查未通过，{skipped} 项跳过</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="24"/>
        <source>diagnostics bundle written to</source>
        <translation>诊断包已写入</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="25"/>
        <source>cannot write the bundle</source>
        <translation>无法写入诊断包</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="26"/>
        <source>configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="27"/>
        <source>platform credentials</source>
        <translation>平台凭据</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="28"/>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="29"/>
        <source>database backups</source>
        <translation>数据库备份</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="30"/>
        <source>disk space</source>
        <translation>磁盘空间</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="31"/>
        <source>delivery queue</source>
        <translation>上传队列</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="32"/>
        <source>platform reachable</source>
        <translation>平台连通</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="33"/>
        <source>TLS certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="34"/>
        <source>signed request</source>
        <translation>签名请求</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="35"/>
        <source>clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="36"/>
        <source>heartbeat</source>
        <translation>心跳</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="37"/>
        <source>devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="39"/>
        <source>document camera</source>
        <translation>高拍仪</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="40"/>
        <source>receipt printer</source>
        <translation>回执打印机</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="41"/>
        <source>barcode scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="42"/>
        <source>no configuration</source>
        <translation>没有配置</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="43"/>
        <source>the TLS certificate was refused</source>
        <translation>TLS 证书未通过</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="44"/>
        <source>the platform is unreachable</source>
        <translation>平台无法连接</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="48"/>
        <source>the signed request was refused</source>
        <translation>签名请求被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="52"/>
        <source>the platform URL is wrong</source>
        <translation>平台地址有误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="53"/>
        <source>no data directory at {dir}</source>
        <translation>{dir} 处没有数据目录</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="54"/>
        <source>config.toml valid: station {station} ({role}), platform {url}</source>
        <translation>config.toml 有效：站点 {station}（{role}），平台 {url}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="58"/>
        <source>enrolled as station id {id}</source>
        <translation>已注册，站点编号 {id}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="59"/>
        <source>no database yet (created when the station first starts)</source>
        <translation>尚无数据库（站点首次启动时创建）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="63"/>
        <source>the database has schema v{version}, newer than this software (v{ours})</source>
        <translation>数据库结构为 v{version}，比本软件（v{ours}）新</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="67"/>
        <source>database intact (quick_check ok, schema v{version}, {rows} cases)</source>
        <translation>数据库完好（quick_check 通过，结构 v{version}，{rows} 件）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="71"/>
        <source>no database yet (backups start with the station)</source>
        <translation>尚无数据库（备份随站点启动开始）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="75"/>
        <source>no backup yet (info): the station started {minutes} min ago with no case; the first backup goes to {folder} within {every} min or right after the first accept</source>
        <translation>尚无备份（提示）：站点 {minutes} 分钟前启动，还没有办件；首次备份将在 {every} 分钟内或首次受理后写入 {folder}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="80"/>
        <source>no database backup in {folder}</source>
        <translation>{folder} 中没有数据库备份</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="81"/>
        <source>the newest backup {name} is damaged: {verdict}</source>
        <translation>最新备份 {name} 已损坏：{verdict}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="85"/>
        <source>{count} generation(s) in {folder}; newest {name} is {minutes} min older than the database</source>
        <translation>{folder} 中有 {count} 份备份；最新的 {name} 比数据库旧 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="90"/>
        <source>{count} generation(s) in {folder}; newest {name}</source>
        <translation>{folder} 中有 {count} 份备份；最新的是 {name}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="94"/>
        <source>only {free} MB free for {dir} (need {need} MB)</source>
        <translation>{dir} 只剩 {free} MB 可用（至少需要 {need} MB）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="98"/>
        <source>{free} MB free of {total} MB</source>
        <translation>共 {total} MB，可用 {free} MB</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="99"/>
        <source>no cases yet</source>
        <translation>尚无办件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="100"/>
        <source>{delivered} delivered, {undelivered} not yet delivered</source>
        <translation>已上传 {delivered} 件，未上传 {undelivered} 件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="104"/>
        <source>{delivered} delivered, {undelivered} not yet delivered; oldest accepted {hours} h ago</source>
        <translation>已上传 {delivered} 件，未上传 {undelivered} 件；最早一件受理于 {hours} 小时前</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="109"/>
        <source>{url} answers as the platform</source>
        <translation>{url} 以平台身份应答</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="110"/>
        <source>{url} answers on the network</source>
        <translation>{url} 在网络上有应答</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="113"/>
        <source>cannot reach the platform at {host}: {kind}</source>
        <translation>无法连接平台 {host}：{kind}</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="117"/>
        <source>connection refused (nothing listens on that port, or a firewall rejects it)</source>
        <translation>连接被拒绝（该端口没有服务在监听，或被防火墙拒绝）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="121"/>
        <source>timed out (the host does not answer: network down, firewall dropping, or platform overloaded)</source>
        <translation>连接超时（对方主机无应答：网络中断、防火墙丢弃或平台过载）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="126"/>
        <source>DNS: the host name cannot be resolved</source>
        <translation>域名解析失败：无法解析主机名</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="127"/>
        <source>TLS handshake failed</source>
        <translation>TLS 握手失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="128"/>
        <source>no route to the host (network or cable down)</source>
        <translation>无法到达主机（网络或网线断开）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="132"/>
        <source>the connection was reset</source>
        <translation>连接被重置</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="133"/>
        <source>network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="134"/>
        <source>the platform&apos;s certificate at {host} is not trusted ({reason})</source>
        <translation>平台 {host} 的证书不受信任（{reason}）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="138"/>
        <source>certificate verified against the system&apos;s CAs</source>
        <translation>证书已用系统根证书验证</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="142"/>
        <source>certificate verified against the CA bundle {bundle}</source>
        <translation>证书已用 CA 证书包 {bundle} 验证</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="146"/>
        <source>plain HTTP to a platform on this machine (demo or test)</source>
        <translation>本机上的平台，使用明文 HTTP（演示或测试）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="150"/>
        <source>{url} is plain HTTP across the network: submissions would travel unencrypted</source>
        <translation>{url} 是跨网络的明文 HTTP：办件将以未加密方式传输</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="154"/>
        <source>within {seconds} s of the platform&apos;s clock</source>
        <translation>与平台时钟相差不超过 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="155"/>
        <source>this machine&apos;s clock is {seconds} s behind the platform&apos;s</source>
        <translation>本机时钟比平台慢 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="158"/>
        <source>this machine&apos;s clock is {seconds} s ahead of the platform&apos;s</source>
        <translation>本机时钟比平台快 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="161"/>
        <source>set the time (`timedatectl set-ntp true`, or `timedatectl set-time` where no NTP server is reachable); receipts are dated by this clock</source>
        <translation>校准时间（`timedatectl set-ntp true`；连不上 NTP 服务器时用 `timedatectl set-time`）；回执上的日期取自本机时钟</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="166"/>
        <source>a signed request was accepted</source>
        <translation>签名请求已被接受</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="167"/>
        <source>heartbeat accepted</source>
        <translation>心跳已被接受</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="168"/>
        <source>set the station up: `yiwang setup --data-dir {dir}` (the wizard, or with --platform, --enrollment-code, --station-code, --role and --devices)</source>
        <translation>设置站点：`yiwang setup --data-dir {dir}`（向导，或加上 --platform、--enrollment-code、--station-code、--role 和 --devices）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="173"/>
        <source>edit {path} (see docs/configuration.md), or set the station up again: `yiwang setup --data-dir {dir}`</source>
        <translation>修改 {path}（见 docs/configuration.md），或重新设置站点：`yiwang setup --data-dir {dir}`</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="178"/>
        <source>enroll again with a new code from the platform: `yiwang setup --data-dir {dir}`</source>
        <translation>向平台要一个新的注册码重新注册：`yiwang setup --data-dir {dir}`</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="182"/>
        <source>stop the station&apos;s services, then run `yiwang recover --data-dir {dir}`</source>
        <translation>停止站点的服务，然后运行 `yiwang recover --data-dir {dir}`</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="186"/>
        <source>free space on the file system of {dir} (old logs, other files) or move the data directory to a larger disk; the station needs room for every page it captures</source>
        <translation>清理 {dir} 所在文件系统的空间（旧日志、其他文件），或把数据目录移到更大的磁盘；站点拍下的每一页都需要空间</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="191"/>
        <source>install the software version that wrote it (do not downgrade a station)</source>
        <translation>安装写入它的软件版本（站点不可降级）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="195"/>
        <source>fix the configuration first</source>
        <translation>请先修正配置</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="196"/>
        <source>keep the clerk window or kiosk running (it makes the backups), and make sure {folder} exists, is writable by the station&apos;s user and has free space ([sync] backup_dir)</source>
        <translation>保持窗口端或自助机运行（备份由它们完成），并确认 {folder} 存在、站点用户可写且有剩余空间（[sync] backup_dir）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="202"/>
        <source>open “办件查询” (case search) in the clerk window, correct each refused case and send it again</source>
        <translation>在窗口端打开“办件查询”，逐件更正被拒收的办件后重新发送</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="207"/>
        <source>make sure the sync service runs (`systemctl status yiwang-sync`) and the platform is reachable (see the platform checks)</source>
        <translation>确认上传服务在运行（`systemctl status yiwang-sync`）且平台可以连接（见平台各项检查）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="212"/>
        <source>check the reader&apos;s USB/serial cable and power, then `yiwang devices list`; set [devices] idcard to the port it shows (or &quot;auto&quot;)</source>
        <translation>检查阅读器的 USB/串口线和电源，然后运行 `yiwang devices list`；把 [devices] idcard 设为显示的端口（或 &quot;auto&quot;）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="217"/>
        <source>check the document camera&apos;s USB cable; `yiwang devices list` shows /dev/video*; set [devices] camera to its index</source>
        <translation>检查高拍仪的 USB 线；`yiwang devices list` 会列出 /dev/video*；把 [devices] camera 设为其编号</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="222"/>
        <source>check power, cable and paper; set [devices] printer (serial:/dev/yiwang-printer, usb:VID:PID, tcp:HOST) and try `yiwang devices test-print --data-dir DIR`</source>
        <translation>检查电源、连线和纸张；设置 [devices] printer（serial:/dev/yiwang-printer、usb:VID:PID、tcp:HOST），再试 `yiwang devices test-print --data-dir DIR`</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="227"/>
        <source>check the scanner&apos;s cable; set [devices] scanner (none, wedge, serial:PORT, evdev:PATH)</source>
        <translation>检查扫码枪连线；设置 [devices] scanner（none、wedge、serial:PORT、evdev:PATH）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="232"/>
        <source>fix the configuration and enrollment first (see the config and credentials checks)</source>
        <translation>请先修正配置和注册（见配置和平台凭据两项检查）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="237"/>
        <source>set [platform] ca_bundle to the province&apos;s CA bundle (PEM) or fix the machine&apos;s trust store; check for a TLS-intercepting proxy</source>
        <translation>把 [platform] ca_bundle 设为省里的 CA 证书包（PEM），或修正本机的受信证书；检查是否有拦截 TLS 的代理</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="242"/>
        <source>something else answers at platform.url (a proxy or portal, or a wrong address): correct [platform] url with `yiwang setup`, or log in to the network portal</source>
        <translation>platform.url 上应答的不是平台（代理、门户或地址错误）：用 `yiwang setup` 更正 [platform] url，或先登录网络门户</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="247"/>
        <source>check the network and that the platform runs at {url} (e.g. `curl -I URL`); correct [platform] url if it is wrong</source>
        <translation>检查网络，并确认平台在 {url} 运行（例如 `curl -I URL`）；地址不对就更正 [platform] url</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="252"/>
        <source>the credentials are not (or no longer) valid there: enroll again with a new code (`yiwang setup`); if the platform URL changed, correct it first</source>
        <translation>凭据在该平台无效（或已失效）：用新的注册码重新注册（`yiwang setup`）；平台地址如有变化，先更正地址</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="257"/>
        <source>platform.url reaches the platform software but not its station API: check the URL&apos;s path (it is the API base, e.g. https://host/ not https://host/portal)</source>
        <translation>platform.url 连到了平台软件，但不是站点接口：检查地址的路径（应为接口根地址，例如 https://host/ 而不是 https://host/portal）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="262"/>
        <source>the platform may be overloaded or refusing heartbeats; try again, then call the platform operators with this output</source>
        <translation>平台可能过载或拒收心跳；请重试，仍不行就带上这段输出联系平台运维</translation>
    </message>
    <message>
        <location filename="../../ui_shared/error_sources/doctor.py" line="267"/>
        <source>use the platform&apos;s https:// address (`yiwang setup`, [platform] url)</source>
        <translation>请使用平台的 https:// 地址（`yiwang setup`，[platform] url）</translation>
    </message>
</context>
<context>
    <name>EvaluateScreen</name>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="31"/>
        <source>Place your ID card on the reader</source>
        <translation>请把身份证放在读卡区</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="50"/>
        <source>Choose another rating</source>
        <translation>重新选择评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="64"/>
        <source>Submit my rating</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="68"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="85"/>
        <source>Rate our service</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="88"/>
        <source>Rate us</source>
        <comment>care-mode title: fewer words, larger</comment>
        <translation>服务评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="91"/>
        <source>Place your ID card on the reader to rate a finished case.</source>
        <translation>请放身份证，评价已办结的事项。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="101"/>
        <source>The card reader is not working right now; please ask at the window.</source>
        <translation>读卡器暂时不能使用，请到窗口咨询。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="146"/>
        <source>You have no finished case waiting for a rating.</source>
        <translation>您没有待评价的已办结事项。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="148"/>
        <source>Choose the case to rate</source>
        <translation>请选择要评价的办件</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="149"/>
        <source>Rate</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="157"/>
        <source>How satisfied are you with: %1</source>
        <translation>您对“%1”的办理满意吗？</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="204"/>
        <source>Thank you. Your rating has been recorded and will be sent to the department.</source>
        <translation>谢谢！评价已记录，将报送部门。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/evaluate.py" line="220"/>
        <source>Could not record the rating</source>
        <translation>评价没有保存成功</translation>
    </message>
</context>
<context>
    <name>EvaluationPad</name>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="42"/>
        <source>Evaluation pad</source>
        <extracomment>the thank-you screen stays this long before the welcome screen returns</extracomment>
        <translation>评价器</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="58"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="58"/>
        <source>Please wait for the clerk.</source>
        <translation>请稍候，工作人员正在为您办理。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="59"/>
        <source>Please check your details</source>
        <translation>请核对您的信息</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="66"/>
        <source>Thank you for your evaluation</source>
        <translation>感谢您的评价</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="67"/>
        <source>We will keep improving our service.</source>
        <translation>我们将持续改进服务。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="68"/>
        <source>Your evaluation could not be saved</source>
        <translation>您的评价未能保存</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="69"/>
        <source>Please tell the clerk at the window.</source>
        <translation>请告知窗口工作人员。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="108"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="108"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="109"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="109"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="110"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="117"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="120"/>
        <source>How was our service today?</source>
        <translation>请对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="136"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="139"/>
        <source>What went wrong? (choose any)</source>
        <translation>请选择不满意的原因（可多选）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="170"/>
        <source>Item: %1</source>
        <translation>办理事项：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="171"/>
        <source>Name: %1</source>
        <translation>姓名：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="172"/>
        <source>ID number: %1</source>
        <translation>证件号码：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/evaluation_pad.py" line="132"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>ExportFailure</name>
    <message>
        <location filename="../../clerk_station/export_failure.py" line="21"/>
        <source>Export failed: the folder %1 does not exist (was the USB stick removed?). Choose another place.</source>
        <translation>导出失败：文件夹 %1 不存在（U 盘是否已拔出？）。请选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/export_failure.py" line="26"/>
        <source>Export failed: %1 is a folder. Choose a file name.</source>
        <translation>导出失败：%1 是文件夹。请填写文件名。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/export_failure.py" line="30"/>
        <source>Export failed: no permission to write in %1. Choose another place.</source>
        <translation>导出失败：没有在 %1 中写入的权限。请选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/export_failure.py" line="35"/>
        <source>Export failed: the disk is full. Choose another place.</source>
        <translation>导出失败：磁盘已满。请选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/export_failure.py" line="37"/>
        <source>Export failed: the ledger could not be written to %1. Choose another place.</source>
        <translation>导出失败：台账无法写入 %1。请选择其他位置。</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="46"/>
        <source>Add supplement pages…</source>
        <extracomment>a supplement or handover held back because the case itself was refused</extracomment>
        <translation>补正材料…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="48"/>
        <source>Hand over the result…</source>
        <translation>办结领取…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="50"/>
        <source>Capture the signed commitment form…</source>
        <translation>采集已签字的告知承诺书…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="79"/>
        <source>The department asks for a supplement (补正): %1</source>
        <translation>部门要求补正：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="81"/>
        <source>Materials requested: %1</source>
        <translation>需补正材料：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="85"/>
        <source>Supplement %1: %2 page(s), %3</source>
        <translation>补正 %1：%2页，%3</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="92"/>
        <source>Signed commitment form: %1</source>
        <translation>已签字的告知承诺书：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="95"/>
        <source>Signed commitment form: not captured yet</source>
        <translation>已签字的告知承诺书：尚未采集</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="97"/>
        <source>Result handed over: %1</source>
        <translation>办结领取：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="105"/>
        <source>Not sent: the platform refused this case itself, so its supplement or handover cannot reach the platform until the case is resolved. Reason: %1 Call the technician (case list, “Send again” once it is fixed).</source>
        <translation>未发送：平台拒收了该办件本身，在办件问题解决之前，其补正材料或领取记录无法送达平台。原因：%1 请联系技术人员（问题解决后在办件列表中点“重新上报”）。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="116"/>
        <source>blocked: the case was refused by the platform</source>
        <translation>受阻：办件本身被平台拒收</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="120"/>
        <source>waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="121"/>
        <source>delivered to the platform</source>
        <translation>已送达平台</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_followup_panel.py" line="122"/>
        <source>refused by the platform</source>
        <translation>平台拒收</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="44"/>
        <source>By life event</source>
        <extracomment>guides one visit prints at the most (a receipt roll is shared by everyone); nobody is identified here, so the kiosk&apos;s own ceiling over a time window bounds a visitor who goes home and back again and again (station.print_allowance)</extracomment>
        <translation>按人生事件</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="45"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="63"/>
        <location filename="../../kiosk/screens/guide.py" line="85"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="83"/>
        <source>Print this guide</source>
        <translation>打印办事指南</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="104"/>
        <source>Service guide</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="107"/>
        <source>Guide</source>
        <comment>care-mode title: fewer words, larger</comment>
        <translation>办事指南</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="110"/>
        <source>Choose a topic, then a service, to see what to bring.</source>
        <translation>请先选主题，再选事项，查看需要带什么材料。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="166"/>
        <source>Ask at the window</source>
        <translation>请到窗口咨询</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="171"/>
        <source>Department: %1</source>
        <translation>办理部门：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/screens/guide.py" line="172"/>
        <source>Promised time: %n working day(s)</source>
        <translation>
            <numerusform>承诺时限：%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="173"/>
        <source>Fees: %1</source>
        <translation>收费标准：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="175"/>
        <source>Materials to bring:</source>
        <translation>需要带的材料：</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="179"/>
        <source>required</source>
        <translation>必交</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="179"/>
        <source>if it applies</source>
        <translation>如有</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="181"/>
        <source>Legal basis: %1</source>
        <translation>设定依据：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="183"/>
        <source>You can apply for this at this kiosk.</source>
        <translation>本事项可在本机自助申请。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="193"/>
        <source>That is as many guides as one visit can print; for more, please ask at the window.</source>
        <translation>每次最多打印这几份办事指南，如还需要，请到窗口领取。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="212"/>
        <source>This kiosk has printed many guides just now. You can print again in about %1 min, or ask at the window for one.</source>
        <translation>本机刚打印了较多办事指南，约 %1 分钟后可以再打印，也可以到窗口领取一份。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="219"/>
        <source>Printed. Please take the guide.</source>
        <translation>已打印，请取走办事指南。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/guide.py" line="227"/>
        <source>The printer cannot print right now (%1). Please ask at the window.</source>
        <translation>打印机暂时不能打印（%1），请到窗口咨询。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="40"/>
        <source>Hand over the result of %1</source>
        <translation>办结领取 %1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="51"/>
        <source>The applicant in person</source>
        <translation>申请人本人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="52"/>
        <source>An agent collecting for the applicant</source>
        <translation>代领人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="62"/>
        <source>I have sighted the original ID document</source>
        <translation>已核验证件原件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="63"/>
        <source>Place the collector&apos;s ID card on the reader, or type the identity from the original.</source>
        <translation>请领取人将身份证放在读卡器上，或按原件录入身份信息。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="67"/>
        <source>Collected by</source>
        <translation>领取人身份</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="68"/>
        <source>Relation to the applicant</source>
        <translation>与申请人关系</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="69"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="70"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="75"/>
        <source>Record handover and print</source>
        <translation>登记领取并打印</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="79"/>
        <source>Preview / A4…</source>
        <extracomment>after the handover: the acknowledgement again, previewed, or as an A4 PDF</extracomment>
        <translation>预览 / A4…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="83"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="120"/>
        <source>Read from the ID card: %1</source>
        <translation>已读取身份证：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="138"/>
        <source>ID number is valid</source>
        <translation>证件号码有效</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="162"/>
        <source>Relation to the applicant: %1</source>
        <translation>与申请人关系：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="176"/>
        <source>Handover recorded; the acknowledgement did not print: %1</source>
        <translation>已登记领取；确认单未能打印：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="179"/>
        <source>Handover recorded and acknowledgement printed; the platform is told by itself.</source>
        <translation>已登记领取并打印确认单，将自动报送平台。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="184"/>
        <source>The handover could not be recorded.</source>
        <translation>领取登记未能保存。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/handover_dialog.py" line="193"/>
        <source>Handover acknowledgement</source>
        <translation>办结领取确认单</translation>
    </message>
</context>
<context>
    <name>InitialsSearch</name>
    <message>
        <location filename="../../kiosk/screens/initials_search.py" line="88"/>
        <source>Find by pinyin initials</source>
        <translation>按拼音首字母查找</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/initials_search.py" line="60"/>
        <source>Delete</source>
        <extracomment>two rows of letters, 删除 and 清空 at their ends: four rows of seven pushed the item list off a 1024x768 screen in 关怀模式 and ran off its right edge (s12 #4); narrow keys (padding mostly above and below: kiosk.theme&apos;s keypad=&quot;letter&quot;) keep thirteen letters and 删除 within 1024 px, each still at least 60 px wide and a target high the pinyin initials are built this long after the list is first shown: loading pypinyin and going through a large catalog holds the GIL for seconds, and begun at once it doubled the time 办事 took to come up (s12 #5); a citizen reads the list first</extracomment>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/initials_search.py" line="62"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/initials_search.py" line="87"/>
        <source>Find by first letters</source>
        <translation>按首字母查找</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/initials_search.py" line="121"/>
        <source>Initials: %1</source>
        <translation>首字母：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/initials_search.py" line="123"/>
        <source>Touch the first letters of the words, e.g. S S C</source>
        <translation>请按各词的首字母，例如 S S C</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/initials_search.py" line="125"/>
        <source>Touch the first letters, e.g. S B K</source>
        <translation>请点事项名称的拼音首字母，例如 S B K（社保卡）</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/initials_search.py" line="139"/>
        <source>Initials: %1 — one moment…</source>
        <translation>首字母：%1 — 请稍候…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/initials_search.py" line="148"/>
        <source>Initials: %1 — nothing found. Delete a letter.</source>
        <translation>首字母：%1 — 没有找到，请删除一个字母</translation>
    </message>
</context>
<context>
    <name>IntakeActions</name>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="40"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="42"/>
        <source>Print notice of missing materials</source>
        <translation>打印一次性告知书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="45"/>
        <source>Accept, owing materials</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="47"/>
        <source>容缺受理: only non-key materials are missing; the receipt names them and the date to bring them</source>
        <translation>容缺受理：仅缺非核心材料，回执列明待补材料和补齐期限</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="51"/>
        <source>Accept on commitment</source>
        <translation>告知承诺受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="53"/>
        <source>告知承诺制: the applicant signs the printed commitment form in place of the missing materials</source>
        <translation>告知承诺制：申请人签署打印的告知承诺书，代替所缺材料</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="65"/>
        <source>Material unusable…</source>
        <translation>材料不合格…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="67"/>
        <source>What was brought for the selected material cannot be used</source>
        <translation>所选材料不能使用（将写入一次性告知书）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="70"/>
        <source>Refuse…</source>
        <translation>不予受理…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="72"/>
        <source>Refuse the application and print the notice with the reason</source>
        <translation>不予受理，并打印载明理由和依据的通知书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="79"/>
        <source>Result by</source>
        <translation>结果领取方式</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="150"/>
        <source>Applicant not identified</source>
        <translation>尚未识别申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="155"/>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/intake_actions.py" line="157"/>
        <source>Complete: %n page(s) captured</source>
        <translation>
            <numerusform>材料齐全：已采集 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="161"/>
        <source>Unusable: %1 (%2)</source>
        <translation>不合格：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/intake_actions.py" line="166"/>
        <source>The notice was not printed: %1</source>
        <translation>告知书未能打印：%1</translation>
    </message>
</context>
<context>
    <name>ItemPager</name>
    <message>
        <location filename="../../kiosk/screens/item_pager.py" line="35"/>
        <source>Previous page</source>
        <extracomment>items on one page: the whole of a small catalog (the seed&apos;s 13) on one page, scrolled like before; a large one in pages of this many the page&apos;s buttons, by the code of the item each shows now</extracomment>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/item_pager.py" line="38"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/item_pager.py" line="91"/>
        <source>Page %1 of %2</source>
        <extracomment>上一页 / 第 n / m 页 / 下一页: for the screen to place where it stays in view (under the scrolling list, not at its end)</extracomment>
        <translation>第 %1 / %2 页</translation>
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
    <name>KeyboardFlow</name>
    <message>
        <location filename="../../clerk_station/keyboard.py" line="90"/>
        <source>Name, code, pinyin initials or a short name like 低保 (%1); Enter chooses</source>
        <translation>名称、编码、拼音首字母或简称（如低保）（%1）；回车选择</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/keypad.py" line="37"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../kiosk/keypad.py" line="41"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kiosk/keypad.py" line="44"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/window.py" line="400"/>
        <source>Care mode
(larger, spoken)</source>
        <translation>关怀模式
（大字、语音）</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="85"/>
        <source>Hear it again</source>
        <extracomment>lockdown, idle activity and the maintenance corner: one application-wide filter</extracomment>
        <translation>再听一遍</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="88"/>
        <source>Home</source>
        <translation>回首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="275"/>
        <source>A card is already on the reader. Please take it off, then place your ID card again.</source>
        <translation>读卡区上已有一张身份证。请先取下，再重新放上您的身份证。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="324"/>
        <source>your ID card on the reader</source>
        <translation>读卡区上的身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="326"/>
        <source>Please take %1 with you.</source>
        <translation>请带走%1。</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="399"/>
        <source>Care mode</source>
        <translation>关怀模式</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="206"/>
        <source>Please wait…</source>
        <extracomment>&quot;放弃本次办理吗？&quot; (kiosk.leave_overlay), made the first time it is asked each screen scrolls on its own when it is taller than the display (the elderly theme on a small screen) instead of pushing the window off it the screen asked for before the station was open, and the badge saying so the card on the reader was left by a visit that has ended (完成, walked away, gave up, 回首页): it is announced, never read for the next citizen; only a card taken away and placed again identifies anyone (review: after 完成 the card lying there was read as the next citizen&apos;s identity)</extracomment>
        <translation>请稍候…</translation>
    </message>
    <message>
        <location filename="../../kiosk/window.py" line="70"/>
        <source>Yiwang Window — Self-service Kiosk</source>
        <translation>一网窗口 — 自助终端</translation>
    </message>
</context>
<context>
    <name>LeaveOverlay</name>
    <message>
        <location filename="../../kiosk/leave_overlay.py" line="23"/>
        <source>What you have entered will be erased.</source>
        <translation>您已录入的内容将被清除。</translation>
    </message>
    <message>
        <location filename="../../kiosk/leave_overlay.py" line="27"/>
        <source>No, continue</source>
        <translation>继续办理</translation>
    </message>
    <message>
        <location filename="../../kiosk/leave_overlay.py" line="30"/>
        <source>Yes, back to the start</source>
        <translation>放弃，回首页</translation>
    </message>
    <message>
        <location filename="../../kiosk/leave_overlay.py" line="45"/>
        <source>Stop this visit and go back to the start?</source>
        <translation>放弃本次办理，回到首页吗？</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="67"/>
        <source>Case ledger</source>
        <extracomment>platform statuses, shown as the platform names them</extracomment>
        <translation>办件台账</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="79"/>
        <source>All items</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="83"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="86"/>
        <source>Not yet uploaded</source>
        <translation>待上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="87"/>
        <source>Waiting to retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="88"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="94"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="96"/>
        <source>Search (Enter)</source>
        <translation>查询（回车）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="99"/>
        <source>Receipt no.</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="100"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="101"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="102"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="103"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="104"/>
        <source>Clerk</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="105"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="106"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="138"/>
        <source>Open case</source>
        <translation>查看办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="139"/>
        <source>Reprint receipt</source>
        <translation>补打回执</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="140"/>
        <source>Export XLSX</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="141"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="142"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="167"/>
        <source>Open case (Ctrl+O, double-click)</source>
        <translation>查看办件（Ctrl+O 或双击）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="168"/>
        <source>Reprint receipt (Ctrl+P)</source>
        <translation>补打回执（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="196"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="202"/>
        <source> (scroll for more)</source>
        <translation>（向下滚动加载更多）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/ledger_dialog.py" line="203"/>
        <source>%n case(s) shown</source>
        <translation>
            <numerusform>已显示 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="214"/>
        <location filename="../../clerk_station/ledger_dialog.py" line="225"/>
        <source>Select a case first.</source>
        <translation>请先选择一个办件。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="238"/>
        <source>Receipt %1 printed again.</source>
        <translation>回执 %1 已补打。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="242"/>
        <source>the printer did not answer</source>
        <translation>打印机无响应</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="243"/>
        <source>Reprint failed: %1</source>
        <translation>补打失败：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="251"/>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_dialog.py" line="259"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/ledger_dialog.py" line="263"/>
        <source>%n case(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 件到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="35"/>
        <source>Receipt no.</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="36"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="37"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="38"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="39"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="40"/>
        <source>Clerk</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="41"/>
        <source>Queue no.</source>
        <translation>排队号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="42"/>
        <source>Upload</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/ledger_model.py" line="43"/>
        <source>Platform status</source>
        <translation>平台状态</translation>
    </message>
</context>
<context>
    <name>LicenceController</name>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="139"/>
        <source>Electronic licence…</source>
        <translation>电子证照…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="142"/>
        <source>Take the selected material from the platform&apos;s electronic licence library by the applicant&apos;s ID number (needs the network)</source>
        <translation>按申请人身份证号从平台电子证照库取得所选材料（需要网络）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="167"/>
        <source>The licence could not be used. Call the technician.</source>
        <translation>无法使用该电子证照，请联系技术人员。</translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="46"/>
        <source>Choose an electronic licence for “%1”</source>
        <translation>为「%1」选择电子证照</translation>
    </message>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="56"/>
        <source>Asking the platform&apos;s licence library…</source>
        <translation>正在查询平台电子证照库…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="71"/>
        <source>Use this licence</source>
        <translation>使用此证照</translation>
    </message>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="75"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="91"/>
        <source>no end</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="92"/>
        <source> (sample)</source>
        <translation>（样例）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="99"/>
        <source>Choose the licence to file as this material (no paper needed).</source>
        <translation>请选择作为该材料的电子证照（无需纸质材料）。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="102"/>
        <source>The applicant holds %1 electronic licence(s), none of which can stand in for “%2”: take the paper material.</source>
        <translation>申请人有%1项电子证照，但没有一项可以作为「%2」，请收取纸质材料。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="106"/>
        <source>The licence library holds nothing for this applicant.</source>
        <translation>电子证照库中没有该申请人的证照。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/licence_controller.py" line="118"/>
        <source>Fetching the licence…</source>
        <translation>正在取得证照…</translation>
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
    <name>MaintenanceScreen</name>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="144"/>
        <source>Device diagnostics</source>
        <translation>设备诊断</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="145"/>
        <source>Print a test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="146"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="147"/>
        <source>Queue state</source>
        <translation>待报送队列</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="148"/>
        <source>Restart the kiosk</source>
        <translation>重启自助终端</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="149"/>
        <source>Exit to the desktop</source>
        <translation>退出到桌面</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="150"/>
        <source>Back to the kiosk</source>
        <translation>返回自助服务</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="160"/>
        <location filename="../../kiosk/screens/maintenance.py" line="165"/>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="168"/>
        <source>Staff only</source>
        <comment>care-mode title: fewer words, larger</comment>
        <translation>维护</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="171"/>
        <source>Maintenance mode.</source>
        <translation>维护模式。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="220"/>
        <source>Test page sent (%1 bytes)</source>
        <translation>测试页已发送（%1 字节）</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="228"/>
        <source>Sync started</source>
        <translation>已开始同步</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="45"/>
        <source>Enter the agent by hand</source>
        <extracomment>the kinds whose number says nothing about the birth date</extracomment>
        <translation>手工录入代办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="45"/>
        <source>Enter by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="73"/>
        <source>I have sighted the original document</source>
        <translation>已核验证件原件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="81"/>
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="82"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="83"/>
        <source>Number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="84"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="87"/>
        <source>Relation to the applicant</source>
        <translation>与申请人关系</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="135"/>
        <source>%1 number is valid</source>
        <translation>%1号码有效</translation>
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
        <location filename="../../clerk_station/outcome_controller.py" line="114"/>
        <source>Accepted. Receipt number %1.</source>
        <translation>已受理，回执编号 %1。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="118"/>
        <source>The receipt was not printed: %1</source>
        <translation>回执未能打印：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="124"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="162"/>
        <source>The notice of refusal %1 was recorded.</source>
        <translation>不予受理通知书 %1 已登记。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="163"/>
        <source>The notice of refusal was not printed: %1</source>
        <translation>不予受理通知书未能打印：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="190"/>
        <source>Not accepted</source>
        <translation>未能受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="201"/>
        <source>Switch to “%1”?</source>
        <translation>切换到“%1”？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/outcome_controller.py" line="204"/>
        <source>%n captured page(s) will be kept for the same materials.</source>
        <translation>
            <numerusform>已拍摄的 %n 页将保留给同名材料。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/outcome_controller.py" line="208"/>
        <source>%n captured page(s) fit no material of the new item and will be discarded.</source>
        <translation>
            <numerusform>已拍摄的 %n 页不属于新事项的任何材料，将被丢弃。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="214"/>
        <source>Switch service item</source>
        <translation>切换事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="167"/>
        <location filename="../../clerk_station/outcome_controller.py" line="177"/>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="159"/>
        <source>The notice of refusal %1 was printed and recorded.</source>
        <translation>不予受理通知书 %1 已打印并登记。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="229"/>
        <source>New applicant</source>
        <translation>新申请人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/outcome_controller.py" line="230"/>
        <source>%n captured page(s) will be discarded. Start a new applicant?</source>
        <translation>
            <numerusform>已采集的 %n 页将被丢弃。开始办理新申请人？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="174"/>
        <source>Preview / A4…</source>
        <translation>预览 / A4…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="92"/>
        <source>The notice of missing materials was printed and recorded.</source>
        <translation>一次性告知书已打印并登记。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="81"/>
        <source>One-time notice</source>
        <extracomment>a paper dialog, an outcome box or the new-applicant question was closed (the keyboard goes back to the window)</extracomment>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="96"/>
        <source>The notice of missing materials %1 was recorded.</source>
        <translation>一次性告知书 %1 已登记。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="98"/>
        <source>The notice was not printed: %1</source>
        <translation>告知书未能打印：%1</translation>
    </message>
</context>
<context>
    <name>PageStrip</name>
    <message>
        <location filename="../../clerk_station/page_strip.py" line="61"/>
        <source>◀ Earlier</source>
        <translation>◀ 前移</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_strip.py" line="62"/>
        <source>Later ▶</source>
        <translation>后移 ▶</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_strip.py" line="63"/>
        <source>Delete page</source>
        <translation>删除此页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_strip.py" line="96"/>
        <source>Page %1</source>
        <translation>第%1页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_strip.py" line="65"/>
        <source>View page…</source>
        <translation>查看页面…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_strip.py" line="67"/>
        <source>Zoom and rotate (Enter or double-click on a page)</source>
        <translation>放大、旋转（在页面上按回车或双击）</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <location filename="../../clerk_station/page_viewer.py" line="56"/>
        <source>Page viewer</source>
        <translation>页面查看</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_viewer.py" line="75"/>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_viewer.py" line="76"/>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_viewer.py" line="77"/>
        <source>Zoom out (-)</source>
        <translation>缩小 (-)</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_viewer.py" line="78"/>
        <source>Zoom in (+)</source>
        <translation>放大 (+)</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_viewer.py" line="79"/>
        <source>Fit (0)</source>
        <translation>适合窗口 (0)</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_viewer.py" line="80"/>
        <source>Rotate (R)</source>
        <translation>旋转 (R)</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_viewer.py" line="129"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_viewer.py" line="131"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_viewer.py" line="156"/>
        <source>This page cannot be shown.</source>
        <translation>此页面无法显示。</translation>
    </message>
</context>
<context>
    <name>PaperActions</name>
    <message>
        <location filename="../../clerk_station/paper_actions.py" line="115"/>
        <source>Printed again.</source>
        <translation>已重新打印。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/paper_actions.py" line="180"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/paper_actions.py" line="212"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/paper_actions.py" line="217"/>
        <source>Could not make the A4 paper: %1</source>
        <translation>无法生成A4文书：%1</translation>
    </message>
</context>
<context>
    <name>PinChangeDialog</name>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="210"/>
        <source>Change PIN</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="217"/>
        <source>Current PIN</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="218"/>
        <source>New PIN</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="219"/>
        <source>New PIN again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="222"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="224"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="229"/>
        <source>Choose a PIN of 6-12 digits, not a run like 123456.</source>
        <translation>请设置 6-12 位数字密码，不能是 123456 这样的连续数字。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="238"/>
        <source>The two new PINs differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="253"/>
        <source>Too many wrong PINs: try again later.</source>
        <translation>密码错误次数过多，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="255"/>
        <source>The current PIN is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="266"/>
        <source>The PIN could not be changed. Call the technician.</source>
        <translation>无法修改密码，请联系技术人员。</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="26"/>
        <source>Maintenance: enter the PIN</source>
        <translation>维护：请输入密码</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="38"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="53"/>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="56"/>
        <source>Staff only</source>
        <comment>care-mode title: fewer words, larger</comment>
        <translation>维护</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="59"/>
        <source>Enter the maintenance PIN.</source>
        <translation>请输入维护密码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="65"/>
        <source>No maintenance PIN is set. Set one with: yiwang kiosk set-pin</source>
        <translation>尚未设置维护密码，请用命令 yiwang kiosk set-pin 设置</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/screens/maintenance.py" line="102"/>
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>密码错误次数过多，请 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="106"/>
        <source>Wrong PIN.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance.py" line="121"/>
        <source>You can enter the PIN again.</source>
        <translation>锁定已结束，可以重新输入密码。</translation>
    </message>
</context>
<context>
    <name>PlatformPage</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="75"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="76"/>
        <source>Where this station delivers, and the one-time enrollment code.</source>
        <translation>办件提交到哪个平台，以及一次性注册码。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="81"/>
        <source>empty: the system&apos;s certificates</source>
        <translation>留空：使用系统证书</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="82"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="87"/>
        <source>already enrolled: leave empty to keep it</source>
        <translation>已注册：留空则保持现有注册</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="96"/>
        <source>Enrollment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="101"/>
        <source>CA bundle</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="101"/>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM 证书 (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>PlatformStatus</name>
    <message>
        <location filename="../../ui_shared/plain_text.py" line="81"/>
        <source>Accepted</source>
        <extracomment>Longest tooltip (tooltips are for a glance; the full text is elsewhere).</extracomment>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui_shared/plain_text.py" line="82"/>
        <source>Under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../ui_shared/plain_text.py" line="83"/>
        <source>Supplement requested</source>
        <translation>补正</translation>
    </message>
    <message>
        <location filename="../../ui_shared/plain_text.py" line="84"/>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui_shared/plain_text.py" line="85"/>
        <source>Not approved</source>
        <translation>不予许可</translation>
    </message>
</context>
<context>
    <name>PostAddressChoice</name>
    <message>
        <location filename="../../kiosk/screens/post_address.py" line="21"/>
        <source>Where should we post the result?</source>
        <translation>结果邮寄到哪里？</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/post_address.py" line="44"/>
        <source>To the address on my ID card: %1</source>
        <translation>寄到身份证住址：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/post_address.py" line="48"/>
        <source>Staff will phone me to confirm the address</source>
        <translation>请工作人员来电确认地址</translation>
    </message>
</context>
<context>
    <name>PrinterBanner</name>
    <message>
        <location filename="../../clerk_station/printer_banner.py" line="52"/>
        <source>Receipt printer unusable: %1. Intake continues; reprint the receipts from the case list once a technician has fixed the printer setting.</source>
        <translation>回执打印机无法使用：%1。受理可以继续；技术人员修好打印机设置后，请在办件查询中补打回执。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/printer_banner.py" line="62"/>
        <source>Receipt printer not ready: %1. Intake continues; check the printer (power, cable or network, paper), then reprint the receipts from the case list.</source>
        <translation>回执打印机未就绪：%1。受理可以继续；请检查打印机（电源、线缆或网络、纸张），然后在办件查询中补打回执。</translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <location filename="../../kiosk/screens/progress.py" line="24"/>
        <source>Place your ID card on the reader, or hold the receipt&apos;s QR code under the scanner</source>
        <extracomment>a card or a code has been given since the screen was entered</extracomment>
        <translation>请把身份证放在读卡区，或把回执上的二维码对准扫码口</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/progress.py" line="32"/>
        <source>Look up another</source>
        <translation>再查一件</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/progress.py" line="43"/>
        <source>Check progress</source>
        <translation>进度查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/progress.py" line="46"/>
        <source>Progress</source>
        <comment>care-mode title: fewer words, larger</comment>
        <translation>进度查询</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/progress.py" line="49"/>
        <source>Place your ID card on the reader, or scan your receipt.</source>
        <translation>请放身份证，或扫描回执二维码。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/progress.py" line="69"/>
        <source>The card reader is not working right now. You can still scan your receipt&apos;s QR code.</source>
        <translation>读卡器暂时不能使用，您仍可扫描回执二维码查询。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/progress.py" line="108"/>
        <source>The network is down right now: this is the last status we know, with its time.</source>
        <translation>网络暂时不通：显示的是最后一次同步到的状态和时间。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/screens/progress.py" line="112"/>
        <source>Your cases: %n</source>
        <translation>
            <numerusform>您的办件：%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/progress.py" line="115"/>
        <source>No case found. Cases accepted at other halls are not shown here.</source>
        <translation>没有查到办件。在其他大厅受理的办件这里查不到。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/progress.py" line="122"/>
        <source>Could not look it up</source>
        <translation>查询没有成功</translation>
    </message>
</context>
<context>
    <name>QrView</name>
    <message>
        <location filename="../../kiosk/widgets.py" line="420"/>
        <source>Receipt QR code</source>
        <extracomment>line height as a multiple of the font&apos;s pixel size (适老化: at least 1.3) laid-out lines of the current text by (font, width): layouts ask heightForWidth many times while the window first comes up (~0.2 s uncached). Emptied with every new text, so no earlier (personal) text outlives a wipe. more lines than this are cut, the last one shown ending in &quot;…&quot; (0: no limit) where a caption may break besides a space (invisible): &quot;非常​不满意&quot; a wrapped caption&apos;s lines at the most, the last ending in &quot;…&quot; when cut: a catalog&apos;s 200-character name made a button taller than the list around it, and wrapping it at the few pixels a button has before it is laid out cost seconds (s12 #5) never narrower than its caption on one line (a layout short of room squeezes the others first): 删除 beside a row of letter keys</extracomment>
        <translation>回执二维码</translation>
    </message>
</context>
<context>
    <name>ReasonWords</name>
    <message>
        <location filename="../../kiosk/screens/reason_grid.py" line="29"/>
        <source>Too slow</source>
        <extracomment>the reasons in 关怀模式: the same meaning as station.kiosk_services.REASONS, fewer words</extracomment>
        <translation>办理太慢</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reason_grid.py" line="30"/>
        <source>Many trips</source>
        <translation>多次跑动</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reason_grid.py" line="31"/>
        <source>Unclear guide</source>
        <translation>指南不清</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reason_grid.py" line="32"/>
        <source>Unskilled staff</source>
        <translation>业务不熟</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reason_grid.py" line="33"/>
        <source>Poor attitude</source>
        <translation>态度不好</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reason_grid.py" line="34"/>
        <source>Unfair fees</source>
        <translation>收费不合理</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reason_grid.py" line="35"/>
        <source>Kiosk hard to use</source>
        <translation>设备难用</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../clerk_station/receipt_dialog.py" line="73"/>
        <source>Reprint</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../clerk_station/receipt_dialog.py" line="75"/>
        <source>A4 view</source>
        <translation>A4 预览</translation>
    </message>
    <message>
        <location filename="../../clerk_station/receipt_dialog.py" line="78"/>
        <source>The same paper as an A4 page for the laser printer</source>
        <translation>同一文书的A4版式，用于激光打印机</translation>
    </message>
    <message>
        <location filename="../../clerk_station/receipt_dialog.py" line="79"/>
        <source>Save PDF…</source>
        <translation>保存PDF…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/receipt_dialog.py" line="81"/>
        <source>Print A4…</source>
        <translation>打印A4…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/receipt_dialog.py" line="137"/>
        <source>Save the A4 PDF</source>
        <translation>保存A4 PDF</translation>
    </message>
    <message>
        <location filename="../../clerk_station/receipt_dialog.py" line="140"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Relation</name>
    <message>
        <location filename="../../clerk_station/relations.py" line="16"/>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <location filename="../../clerk_station/relations.py" line="17"/>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <location filename="../../clerk_station/relations.py" line="18"/>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location filename="../../clerk_station/relations.py" line="19"/>
        <source>Other relative</source>
        <translation>其他亲属</translation>
    </message>
    <message>
        <location filename="../../clerk_station/relations.py" line="20"/>
        <source>Authorised person</source>
        <translation>受托人</translation>
    </message>
</context>
<context>
    <name>ReprintScreen</name>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="45"/>
        <source>Place your ID card on the reader; for a one-time notice, hold its QR code under the scanner</source>
        <extracomment>receipts a card holder may print again: enough for a jam or a second copy, not a stack of paper from a child tapping 打印 (each reprint is audited). Counted per holder over time, not per visit (station.print_allowance): 回首页 and back gives no more. Notices by code (nobody identified) count per visit, under the kiosk&apos;s own ceiling. a card or a code has been given since the screen was entered whose paper allowance the prints count against (station.print_allowance): the card holder&apos;s keyed hash once identified, else the kiosk&apos;s for codes</extracomment>
        <translation>请把身份证放在读卡区；补打一次性告知书请把告知书上的二维码对准扫码口</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="62"/>
        <source>Print again</source>
        <translation>补打回执或告知书</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="65"/>
        <source>Reprint</source>
        <comment>care-mode title: fewer words, larger</comment>
        <translation>补打回执</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="68"/>
        <source>Place your ID card on the reader.</source>
        <translation>请把身份证放在读卡区。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="78"/>
        <source>The card reader is not working right now; please ask at the window.</source>
        <translation>读卡器暂时不能使用，请到窗口咨询。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="141"/>
        <source>This code is not a one-time notice of this hall.</source>
        <translation>这不是本大厅开具的一次性告知书。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="144"/>
        <location filename="../../kiosk/screens/reprint.py" line="210"/>
        <source>Printed. Please take your one-time notice.</source>
        <translation>已打印，请取走一次性告知书。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="216"/>
        <source>The printer cannot print right now (%1). Please ask at the window.</source>
        <translation>打印机暂时不能打印（%1），请到窗口咨询。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="155"/>
        <source>Choose the receipt or notice to print</source>
        <translation>请选择要补打的回执或告知书</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="157"/>
        <source>Choose the receipt to print</source>
        <translation>请选择要补打的回执</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="157"/>
        <source>No case found</source>
        <translation>没有查到办件</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="160"/>
        <location filename="../../kiosk/screens/reprint.py" line="168"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="194"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="220"/>
        <source>That is as many as can be printed for now; for more, please ask at the window.</source>
        <translation>暂时最多打印这几份，如还需要，请到窗口办理。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="233"/>
        <location filename="../../kiosk/screens/reprint.py" line="236"/>
        <source>Printed. Please take your receipt.</source>
        <translation>已打印，请取走回执。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="251"/>
        <source>The printer cannot print right now (%1). Staff have been called. You can photograph this code to check progress on your phone.</source>
        <translation>打印机暂时不能打印（%1），已通知工作人员。您可以用手机拍下这个二维码查询进度。</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="262"/>
        <source>Could not read the card</source>
        <translation>没能读取身份证</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/reprint.py" line="245"/>
        <source>The receipt could not be printed. Please ask at the window.</source>
        <translation>回执未能打印，请到窗口咨询。</translation>
    </message>
</context>
<context>
    <name>ScanBridge</name>
    <message>
        <location filename="../../ui_shared/bridges.py" line="44"/>
        <source>The scanner failed</source>
        <translation>扫码枪故障</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="84"/>
        <location filename="../../clerk_station/scan_controller.py" line="102"/>
        <source>Scanned: %1</source>
        <translation>扫码内容：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="86"/>
        <source>waiting to upload</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="88"/>
        <source>Receipt %1: %2</source>
        <translation>回执 %1：%2</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="108"/>
        <source>Scanner: %1</source>
        <translation>扫码枪：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="104"/>
        <source>Notice %1: continue the intake</source>
        <translation>告知书 %1：继续办理</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="38"/>
        <source>Yiwang Window — station set-up</source>
        <translation>一网窗口 — 终端设置</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="43"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="44"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="45"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="46"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="114"/>
        <source>Enrolling and saving…</source>
        <translation>正在注册并保存…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="139"/>
        <source>Set-up failed</source>
        <translation>设置失败</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="79"/>
        <source>Yiwang Window — Sign in</source>
        <extracomment>None until the station is open (attach); a sign-in submitted before waits</extracomment>
        <translation>一网窗口 — 登录</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="84"/>
        <source>Window clerk sign-in</source>
        <translation>窗口人员登录</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="88"/>
        <location filename="../../clerk_station/sign_in.py" line="97"/>
        <source>Clerk ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="90"/>
        <source>PIN (6-12 digits)</source>
        <translation>密码（6-12 位数字）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="91"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="94"/>
        <source>Sign in (Enter)</source>
        <translation>登录（回车）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="98"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="130"/>
        <source>Enter your clerk ID and PIN.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/sign_in.py" line="176"/>
        <source>Clerk ID or PIN is wrong. %n attempt(s) left before a lock.</source>
        <translation>
            <numerusform>工号或密码错误，再错 %n 次将被锁定。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="185"/>
        <source>Too many wrong PINs: locked until %1.</source>
        <translation>密码错误次数过多，已锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="192"/>
        <source>You may try again.</source>
        <translation>现在可以重试。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="196"/>
        <source>Sign-in could not be checked. Call the technician.</source>
        <translation>无法校验登录，请联系技术人员。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/sign_in.py" line="135"/>
        <source>Please wait…</source>
        <translation>请稍候…</translation>
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
        <location filename="../../ui_shared/setup_wizard/pages.py" line="32"/>
        <source>Station</source>
        <translation>终端信息</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="33"/>
        <source>Who this terminal is: its code prefixes every receipt number.</source>
        <translation>本终端的身份：终端编号是每张回执编号的前缀。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="39"/>
        <source>Service window (clerk station)</source>
        <translation>窗口受理（工作人员使用）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="40"/>
        <source>Self-service kiosk</source>
        <translation>自助服务终端</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="117"/>
        <source>Summary</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="118"/>
        <source>Finish writes these changes and enrolls when needed.</source>
        <translation>点击“完成”将写入以下更改，并在需要时向平台注册。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="134"/>
        <source>Nothing changes.</source>
        <translation>没有需要更改的内容。</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="48"/>
        <source>Signed commitment form for %1</source>
        <translation>采集 %1 的已签字告知承诺书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="49"/>
        <source>Supplement (补正) for %1</source>
        <translation>补正材料 %1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="63"/>
        <source>Capture every page of the commitment form the applicant has signed; it goes to the platform with the case, once.</source>
        <translation>请采集申请人已签字的告知承诺书的每一页；它将随办件报送平台，且只报送一次。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="67"/>
        <source>Requested: %1 — %2</source>
        <translation>需补正：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="74"/>
        <source>Signed commitment form (告知承诺书)</source>
        <translation>已签字的告知承诺书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="79"/>
        <source>Capture with the camera</source>
        <translation>高拍仪拍摄</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="82"/>
        <source>Import a scanned page or a photo…</source>
        <translation>导入扫描件或照片…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="83"/>
        <source>Remove selected page</source>
        <translation>删除所选页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="88"/>
        <source>Note for the department (optional)</source>
        <translation>给审批部门的说明（可选）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="93"/>
        <source>Send the supplement</source>
        <translation>提交补正</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="93"/>
        <source>File the signed form</source>
        <translation>归档已签字的承诺书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="98"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="123"/>
        <source>Import a scanned page or a photo</source>
        <translation>导入扫描页或照片</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="126"/>
        <source>Images (%1)</source>
        <translation>图片（%1）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="137"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="147"/>
        <source>The camera has not delivered a picture yet</source>
        <translation>高拍仪尚未传回画面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="149"/>
        <source>Processing…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="157"/>
        <source>Page refused</source>
        <translation>页面不合格</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="167"/>
        <source>This page is already in the supplement.</source>
        <translation>该页面已在补正材料中。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="170"/>
        <source>%1 — page %2</source>
        <translation>%1 — 第%2页</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/supplement_dialog.py" line="172"/>
        <source>%n page(s) ready</source>
        <translation>
            <numerusform>已有%n页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="184"/>
        <source>The page could not be taken.</source>
        <translation>无法获取该页面。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="210"/>
        <source>Signed form filed; it goes to the platform by itself.</source>
        <translation>承诺书已归档，将自动报送平台。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/supplement_dialog.py" line="211"/>
        <source>Supplement saved; it goes to the platform by itself.</source>
        <translation>补正材料已保存，将自动报送平台。</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="25"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="69"/>
        <source>● Connecting</source>
        <translation>● 连接中</translation>
    </message>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="72"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="75"/>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui_shared/sync_badge.py" line="79"/>
        <source>Queued: %n</source>
        <translation>
            <numerusform>待上传：%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui_shared/sync_badge.py" line="81"/>
        <source>Needs attention: %n</source>
        <translation>
            <numerusform>需处理：%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="61"/>
        <source>Delivered %1 of %2</source>
        <translation>已送达 第%1件/共%2件</translation>
    </message>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="63"/>
        <source>Uploading %1 of %2, platform has %3 of %4</source>
        <translation>正在上传 第%1件/共%2件，平台已收 %3/%4</translation>
    </message>
</context>
</TS>
